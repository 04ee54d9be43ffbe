package kz.prevention.persistence.history;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of a resource: who, when, which action, each field from → to. */
@Schema(name = "HistoryEntry")
public record HistoryEntry(Instant at, String actor, String action, Map<String, Map<String, Object>> changes) {
}
