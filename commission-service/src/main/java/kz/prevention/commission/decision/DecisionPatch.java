package kz.prevention.commission.decision;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of a draft decision; absent fields stay as they are, instructions are replaced as a whole. */
@Schema(name = "DecisionPatch")
public record DecisionPatch(@Size(min = 1, max = 10000) String text, @Size(min = 1, max = 1000) String legalBasis,
        @Size(max = 200) List<@Valid @NotNull InstructionRequest> instructions) {
}
