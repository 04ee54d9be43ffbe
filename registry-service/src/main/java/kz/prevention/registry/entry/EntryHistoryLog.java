package kz.prevention.registry.entry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes and reads the full history of entries. */
@ApplicationScoped
public class EntryHistoryLog {

    @Inject
    ObjectMapper mapper;

    public void record(RegistryEntry entry, String actor, String action, Changes changes) {
        EntryHistory h = new EntryHistory();
        h.entryId = entry.id;
        h.at = Instant.now();
        h.actor = actor;
        h.action = action;
        try {
            h.changes = mapper.writeValueAsString(changes.asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        h.persist();
    }

    public List<EntryHistory> of(UUID entryId) {
        return EntryHistory.list("entryId = ?1 order by id", entryId);
    }
}
