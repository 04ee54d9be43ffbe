package kz.prevention.eventing.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Makes the event catalog a bean, loaded once at start (a broken catalog fails the start). */
public class CatalogProducer {

    @Produces
    @ApplicationScoped
    EventCatalog catalog(ObjectMapper mapper) {
        return EventCatalog.load(Thread.currentThread().getContextClassLoader(), mapper);
    }
}
