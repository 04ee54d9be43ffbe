package kz.prevention.persistence.read;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes an {@link AuditedFile}'s bytes as they are, for any media type (a JSON file too: it must not
 * be serialised as an object). On the server it ends the response with the whole buffer, as Quarkus
 * REST does for a {@code byte[]}, so the answer keeps its Content-Length and HEAD answers as before.
 */
@Provider
public class AuditedFileWriter implements ServerMessageBodyWriter<AuditedFile> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return AuditedFile.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(AuditedFile file, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(file.bytes());
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return AuditedFile.class.isAssignableFrom(type);
    }

    /** Used instead of {@link #writeResponse} when a writer interceptor wraps the stream. */
    @Override
    public void writeTo(AuditedFile file, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        entityStream.write(file.bytes());
    }
}
