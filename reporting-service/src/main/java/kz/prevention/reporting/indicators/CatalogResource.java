package kz.prevention.reporting.indicators;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads one of the service's dated catalog files (indicators, their links) from the classpath. */
final class CatalogResource {

    private CatalogResource() {
    }

    static <T> T read(String resource, Class<T> type) {
        try (InputStream in = CatalogResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
