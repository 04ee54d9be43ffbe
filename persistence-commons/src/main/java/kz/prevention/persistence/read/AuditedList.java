package kz.prevention.persistence.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.UUID;

/**
 * A list that is one person's data as a whole (a history, a control sheet): answered as a plain
 * JSON array, audited as one read of that person's resource.
 */
public final class AuditedList<T> extends ArrayList<T> implements Audited {

    private final String type;
    private final String id;
    private final UUID personId;

    public AuditedList(String type, Object id, UUID personId, Collection<? extends T> items) {
        super(items);
        this.type = type;
        this.id = id == null ? null : id.toString();
        this.personId = personId;
    }

    @Override
    public String auditType() {
        return type;
    }

    @Override
    public String auditId() {
        return id;
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
