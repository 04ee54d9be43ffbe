package kz.prevention.measures.measure;

import java.time.LocalDate;
import java.util.UUID;

/** What is to be assigned, from a planner's request or a commission's instruction. */
public record MeasureSpec(String type, String executingAgency, String organisation, String instructions,
        String responsiblePerson, LocalDate startDate, LocalDate dueDate, UUID decisionId, String instructionId) {
}
