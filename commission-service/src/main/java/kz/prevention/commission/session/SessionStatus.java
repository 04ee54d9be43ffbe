package kz.prevention.commission.session;

/** SCHEDULED → SITTING (attendance taken) → SIGNED (minutes signed by the chair; final). */
public enum SessionStatus {
    SCHEDULED, SITTING, SIGNED
}
