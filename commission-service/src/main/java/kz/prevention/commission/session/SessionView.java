package kz.prevention.commission.session;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.prevention.commission.commission.CommissionKind;

/** A session as the API shows it (its agenda: GET /api/v1/sessions/{id}/agenda). */
@Schema(name = "Session")
public record SessionView(UUID id, UUID commissionId, CommissionKind commissionKind, int number, LocalDate date, String place,
        SessionStatus status, long version) {

    public static SessionView of(CommissionSession s) {
        return new SessionView(s.id, s.commission.id, s.commission.kind, s.number, s.date, s.place, s.status, s.version);
    }
}
