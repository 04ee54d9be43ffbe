package kz.prevention.commission.minutes;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/** Writes {@link MinutesDocument} as its PDF bytes (the entity stays an {@code Audited} view for the audit filter). */
@Provider
@Produces("application/pdf")
public class MinutesDocumentWriter implements MessageBodyWriter<MinutesDocument> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return MinutesDocument.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(MinutesDocument doc, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(doc.pdf());
    }
}
