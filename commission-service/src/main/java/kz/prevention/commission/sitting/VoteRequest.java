package kz.prevention.commission.sitting;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.commission.rules.VoteChoice;

/** A member's own vote. {@code memberId} may be sent to be explicit; another member's id is refused. */
@Schema(name = "VoteRequest")
public record VoteRequest(@NotNull @Schema(example = "FOR") VoteChoice choice,
        @Schema(description = "optional: your own membership id; a vote for another member is refused (403)") UUID memberId) {
}
