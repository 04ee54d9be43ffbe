package kz.prevention.commission.commission;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CommissionMember")
public record MemberView(UUID id, String fullName, String username, String agency, String position, MemberRole role,
        LocalDate from, LocalDate to, long version) {

    public static MemberView of(CommissionMember m) {
        return new MemberView(m.id, m.fullName, m.username, m.agency, m.position, m.role, m.fromDate, m.toDate, m.version);
    }
}
