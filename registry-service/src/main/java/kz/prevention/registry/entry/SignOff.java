package kz.prevention.registry.entry;

import java.util.UUID;

import kz.prevention.persistence.history.Changes;

/**
 * Who asked for a change and which authorised head approved it (one-man management, Law No.
 * 380-IV Art. 4): written into the history row of the change it approved.
 */
public record SignOff(UUID approvalId, String requestedBy, String approvedBy) {

    public void noteIn(Changes c) {
        c.note("approval", approvalId);
        c.note("requestedBy", requestedBy);
        c.note("approvedBy", approvedBy);
    }
}
