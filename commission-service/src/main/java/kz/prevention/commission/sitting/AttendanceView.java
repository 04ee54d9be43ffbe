package kz.prevention.commission.sitting;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sitting's attendance and quorum: members of the day, present, needed. */
@Schema(name = "Attendance")
public record AttendanceView(UUID sessionId, int members, int present, int required, boolean quorate, List<UUID> presentIds) {
}
