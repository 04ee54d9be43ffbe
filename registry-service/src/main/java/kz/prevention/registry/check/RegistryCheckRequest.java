package kz.prevention.registry.check;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The IIN asked about; in the body, so it never appears in a URL or an access log. */
@Schema(name = "RegistryCheckRequest")
public record RegistryCheckRequest(
        @Schema(example = "900101300017", description = "12-digit IIN")
        @NotNull @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits") String iin) {
}
