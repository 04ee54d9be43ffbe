package kz.prevention.registry.transfer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.registry.entry.Officer;

/** Bodies of the transfer endpoints. */
public final class TransferRequests {

    private TransferRequests() {
    }

    @Schema(name = "TransferRequest")
    public record Request(
            @Schema(example = "711210000", description = "KATO code of the territory the person moved to")
            @NotNull @Pattern(regexp = "[0-9]{9}", message = "a 9-digit KATO code") String toRegion,
            @Schema(example = "смена места жительства") @NotBlank @Size(max = 1000) String reason,
            @Schema(example = "г. Астана, пр. Республики, 5, кв. 12") @Size(max = 500) String newAddress) {
    }

    @Schema(name = "TransferAcceptance")
    public record Acceptance(
            @NotBlank @Size(max = 300) String registeringBody,
            @NotNull @Valid Officer responsibleOfficer) {
    }

    @Schema(name = "TransferRejection")
    public record Rejection(@NotBlank @Size(max = 1000) String reason) {
    }
}
