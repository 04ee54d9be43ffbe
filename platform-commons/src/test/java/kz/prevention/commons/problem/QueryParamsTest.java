package kz.prevention.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParamsTest {

    enum Colour {
        RED, GREEN
    }

    @Test
    void aKnownValueIsParsedAndABlankOneIsAbsent() {
        assertThat(QueryParams.enumValue(Colour.class, " GREEN ", "colour")).isEqualTo(Colour.GREEN);
        assertThat(QueryParams.enumValue(Colour.class, "", "colour")).isNull();
        assertThat(QueryParams.enumValue(Colour.class, null, "colour")).isNull();
    }

    @Test
    void anUnknownValueIsAValidationProblemNamingTheFieldAndTheValidValues() {
        assertThatThrownBy(() -> QueryParams.enumValue(Colour.class, "BLUE", "colour"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("colour");
                    assertThat(e.getMessage()).contains("[RED, GREEN]");
                });
    }
}
