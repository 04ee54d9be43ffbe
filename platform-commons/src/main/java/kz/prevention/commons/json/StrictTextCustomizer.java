package kz.prevention.commons.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses control characters (other than tab, line feed and carriage return) in every JSON
 * string the platform reads. PostgreSQL cannot store NUL, and none of these belong in a name,
 * a document number or a note; refusing them at the edge gives the caller a 400 naming the
 * field instead of an error deep in the database. Dates sent as empty or blank text are
 * refused too, rather than read as absent.
 */
@Singleton
public class StrictTextCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("prevention-strict-text");
        module.addDeserializer(String.class, new StrictStringDeserializer());
        mapper.registerModule(module);
        // Jackson trims a date and reads "" (or only blanks and control characters) as null, i.e. "not
        // sent" — which would quietly default a start or due date. A date that is sent must be a date.
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }

    public static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    static final class StrictStringDeserializer extends StdScalarDeserializer<String> {

        StrictStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && hasControlCharacters(value)) {
                throw InvalidFormatException.from(p, "text contains control characters", value, String.class);
            }
            return value;
        }
    }
}
