package kz.prevention.eventing.catalog;

import java.util.List;

/** One {@code eventing/catalog.json} file. */
public record CatalogDocument(String catalogVersion, List<TopicSpec> topics, List<EventSpec> events) {
}
