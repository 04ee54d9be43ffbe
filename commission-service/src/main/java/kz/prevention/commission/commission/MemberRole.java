package kz.prevention.commission.commission;

/** A member's place in the commission (Art. 79: chaired by a deputy akim, a deputy chair, a full-time secretary). */
public enum MemberRole {
    CHAIR, DEPUTY_CHAIR, SECRETARY, MEMBER
}
