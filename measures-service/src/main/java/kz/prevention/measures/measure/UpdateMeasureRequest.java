package kz.prevention.measures.measure;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields left out stay as they are. */
@Schema(name = "UpdateMeasureRequest")
public record UpdateMeasureRequest(@Size(min = 1, max = 200) String responsiblePerson, LocalDate dueDate,
        @Schema(description = "route the measure to another organisation (BIN) of its executing agency serving its"
                + " territory, e.g. one a commission's instruction created without one", example = "990540004566")
        String organisation) {
}
