package kz.prevention.persistence.change;

import java.util.UUID;

/**
 * A resource whose changes are recorded: its history is kept under (type, id), and its audit rows
 * name the person whose data it is (null for a resource about no one, e.g. a general plan).
 */
public interface Tracked {

    String resourceType();

    UUID resourceId();

    UUID personId();
}
