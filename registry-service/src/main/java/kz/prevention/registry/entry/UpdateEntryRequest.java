package kz.prevention.registry.entry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction of case data; fields left out stay as they are. */
@Schema(name = "UpdateEntryRequest")
public record UpdateEntryRequest(
        @Size(min = 1, max = 300) String registeringBody,
        @Valid Officer responsibleOfficer,
        @Size(min = 1, max = 16) String riskLevel,
        @Valid GroundingDocument groundingDocument) {
}
