package kz.prevention.commission.commission;

/** Who approved the commission's membership: the President (national), the maslikhat on the akim's proposal, or the akim. */
public enum ApprovingAuthority {
    PRESIDENT, GOVERNMENT, MASLIKHAT, AKIM
}
