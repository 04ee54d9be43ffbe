package kz.prevention.registry.entry;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.persistence.history.HistoryEntry;
import kz.prevention.persistence.history.HistoryLog;

/** The full history of entries, kept in the shared resource history. */
@ApplicationScoped
public class EntryHistoryLog {

    private static final String TYPE = "entry";

    @Inject
    HistoryLog log;

    public List<HistoryEntry> of(UUID entryId) {
        return log.of(TYPE, entryId);
    }
}
