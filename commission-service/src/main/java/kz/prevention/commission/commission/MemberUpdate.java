package kz.prevention.commission.commission;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of a member's position, or the end of its term. */
@Schema(name = "MemberUpdate")
public record MemberUpdate(@Size(min = 1, max = 200) String position, @Schema(description = "last day of membership") LocalDate to) {
}
