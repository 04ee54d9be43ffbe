package kz.prevention.commons.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads every enum query and path parameter of every service: a blank value is absent, an
 * unknown one is a 400 problem naming the parameter and its valid values (JAX-RS itself would
 * answer a misspelt {@code status=DONEISH} with a 404, as if the resource did not exist).
 */
@Provider
public class EnumParamConverters implements ParamConverterProvider {

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        return new EnumConverter<>(rawType, parameterName(annotations));
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return "parameter";
    }

    private record EnumConverter<T>(Class<T> type, String parameter) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            for (T constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(value.strip())) {
                    return constant;
                }
            }
            throw new InvalidParameterException(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }

        @Override
        public String toString(T value) {
            return value == null ? null : ((Enum<?>) value).name();
        }
    }
}
