package kz.prevention.registry.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import kz.prevention.registry.entry.GroundingDocument;
import kz.prevention.registry.entry.Officer;

/** A correction of case data; fields left out stay as they are. */
@Schema(name = "UpdateEntryRequest")
public record UpdateEntryRequest(
        @Size(min = 1, max = 300) String registeringBody,
        @Valid Officer responsibleOfficer,
        @Size(min = 1, max = 16) String riskLevel,
        @Valid GroundingDocument groundingDocument) {
}
