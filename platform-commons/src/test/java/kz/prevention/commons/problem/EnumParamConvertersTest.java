package kz.prevention.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

class EnumParamConvertersTest {

    enum Colour {
        RED, GREEN
    }

    @SuppressWarnings("unused")
    void resource(@QueryParam("colour") Colour colour) {
    }

    private final ParamConverter<Colour> converter = converterFor(Colour.class);

    @Test
    void aKnownValueIsParsedAndABlankOneIsAbsent() {
        assertThat(converter.fromString(" GREEN ")).isEqualTo(Colour.GREEN);
        assertThat(converter.fromString("")).isNull();
        assertThat(converter.fromString(null)).isNull();
    }

    @Test
    void anUnknownValueIsAValidationProblemNamingTheParameterAndTheValidValues() {
        assertThatThrownBy(() -> converter.fromString("BLUE"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.getResponse().getStatus()).isEqualTo(400);
                    assertThat(e.parameter()).isEqualTo("colour");
                    assertThat(e.reason()).isEqualTo("must be one of [RED, GREEN]");
                });
    }

    @Test
    void otherTypesAreLeftToTheFramework() {
        assertThat(new EnumParamConverters().getConverter(String.class, String.class, new Annotation[0])).isNull();
    }

    private <T> ParamConverter<T> converterFor(Class<T> type) {
        try {
            Annotation[] annotations = getClass().getDeclaredMethod("resource", Colour.class).getParameterAnnotations()[0];
            return new EnumParamConverters().getConverter(type, type, annotations);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
