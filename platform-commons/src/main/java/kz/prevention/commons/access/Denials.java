package kz.prevention.commons.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/**
 * The attempts refused during a request on a record that exists: answered 404 (the caller may not
 * know it exists) or 403 (the caller may see it but not do this). The audit filter writes them to
 * the audit log as DENIED, whatever the answer's status, so a person's access history shows who
 * tried and failed.
 */
@RequestScoped
public class Denials {

    /** One refusal: which record, whose data, and why (the rule, not the data). */
    public record Denial(String resourceType, String resourceId, UUID personId, String why) {
    }

    private final List<Denial> denials = new ArrayList<>();

    public void record(String resourceType, Object resourceId, UUID personId, String why) {
        denials.add(new Denial(resourceType, resourceId == null ? null : resourceId.toString(), personId, why));
    }

    public List<Denial> all() {
        return List.copyOf(denials);
    }
}
