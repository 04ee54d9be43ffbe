package kz.prevention.eventing.catalog;

import java.util.List;

/** An event whose data does not match its schema, or whose type the catalog does not list: a bug, never sent. */
public class SchemaViolationException extends IllegalArgumentException {

    private final List<String> violations;

    public SchemaViolationException(String type, List<String> violations) {
        super("event " + type + " does not match the event catalog: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
