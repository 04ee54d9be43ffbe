package kz.prevention.registry.entry;

/** An entry is on the registry until it is removed (Art. 59.8); removed entries stay, archived. */
public enum EntryStatus {
    ACTIVE,
    REMOVED
}
