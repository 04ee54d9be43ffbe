package kz.prevention.registry.person;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The IIN a person registered without one turned out to have. When a person already holds it, the
 * request must name that person as {@code survivorId}: a merge moves every entry and cannot be undone
 * here, so a mistyped IIN must not fold the person into a stranger.
 */
@Schema(name = "IdentifyRequest")
public record IdentifyRequest(
        @Schema(example = "900101300123") @NotBlank @Size(max = 12) String iin,
        @Schema(description = "the person holding this IIN, when one does: confirms the merge into them") UUID survivorId) {
}
