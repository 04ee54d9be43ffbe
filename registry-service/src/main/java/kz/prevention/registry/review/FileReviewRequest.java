package kz.prevention.registry.review;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A review of the case file as the deputy chief records it. */
@Schema(name = "FileReviewRequest")
public record FileReviewRequest(
        @Schema(example = "2026-11-24", description = "the day of the review; between the start of control and today")
        @NotNull LocalDate reviewedOn,
        @Schema(example = "контроль ведётся, замечаний нет") @NotBlank @Size(max = 2000) String findings) {
}
