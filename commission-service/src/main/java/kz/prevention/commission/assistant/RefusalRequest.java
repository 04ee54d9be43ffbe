package kz.prevention.commission.assistant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The akimat's refusal of an application, always with its reason. */
@Schema(name = "PublicAssistantRefusal")
public record RefusalRequest(@NotBlank @Size(max = 1000) String reason) {
}
