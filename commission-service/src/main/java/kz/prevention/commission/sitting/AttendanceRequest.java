package kz.prevention.commission.sitting;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The members present (their membership ids); replaces what was recorded before. */
@Schema(name = "AttendanceRequest")
public record AttendanceRequest(@NotNull @Size(max = 500) List<@NotNull UUID> present) {
}
