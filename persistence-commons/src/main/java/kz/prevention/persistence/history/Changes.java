package kz.prevention.persistence.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Collects changed fields (before → after) for a resource's history and its "updated" event. */
public final class Changes {

    private final Map<String, Object[]> fields = new LinkedHashMap<>();
    private final boolean creation;

    public Changes() {
        this(false);
    }

    private Changes(boolean creation) {
        this.creation = creation;
    }

    /** The fields of a resource just created (audited as CREATE). */
    public static Changes creation() {
        return new Changes(true);
    }

    public boolean isCreation() {
        return creation;
    }

    public <T> T set(String field, T before, T after) {
        if (!Objects.equals(before, after)) {
            fields.put(field, new Object[] {before, after});
        }
        return after;
    }

    public Changes note(String field, Object value) {
        fields.put(field, new Object[] {null, value});
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public List<String> names() {
        return new ArrayList<>(fields.keySet());
    }

    /** {"field": {"from": ..., "to": ...}} */
    public Map<String, Map<String, Object>> asMap() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", v[0] == null ? null : v[0].toString());
            m.put("to", v[1] == null ? null : v[1].toString());
            out.put(k, m);
        });
        return out;
    }
}
