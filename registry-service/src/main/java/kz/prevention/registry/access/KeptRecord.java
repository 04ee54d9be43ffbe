package kz.prevention.registry.access;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the access rule needs to know of a record on the registry: which territory keeps it, whose
 * it is, and whether it is a minor's. The entry implements it; the rule depends on this and not on
 * the entry, so the entry's package can use the rule without the two depending on each other.
 */
public interface KeptRecord {

    UUID resourceId();

    UUID personId();

    /** The KATO code of the territory whose body keeps the record. */
    String keepingRegion();

    /** A minor's record on the day: the minors' group, or a person under 18. */
    boolean isMinorRecord(LocalDate today);
}
