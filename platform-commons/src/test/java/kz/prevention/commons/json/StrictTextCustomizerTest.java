package kz.prevention.commons.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class StrictTextCustomizerTest {

    record Body(String name, LocalDate dueDate) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper m = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictTextCustomizer().customize(m);
        return m;
    }

    @Test
    void ordinaryTextAndDatesAndAbsentDatesAreRead() throws Exception {
        Body b = mapper.readValue("{\"name\": \"Ахметов\\tД.\", \"dueDate\": \"2026-12-01\"}", Body.class);
        assertThat(b).isEqualTo(new Body("Ахметов\tД.", LocalDate.of(2026, 12, 1)));
        assertThat(mapper.readValue("{\"name\": \"x\", \"dueDate\": null}", Body.class).dueDate()).isNull();
        assertThat(mapper.readValue("{\"name\": \"x\"}", Body.class).dueDate()).isNull();
    }

    @Test
    void controlCharactersInTextAreRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\": \"a\\u0000b\"}", Body.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("control characters");
    }

    @Test
    void aDateSentAsEmptyBlankOrControlCharactersIsRefusedNotReadAsAbsent() {
        for (String date : new String[] {"\"\"", "\"   \"", "\"\\u0000\\u0001\\u001f\""}) {
            assertThatThrownBy(() -> mapper.readValue("{\"dueDate\": " + date + "}", Body.class))
                    .as(date).isInstanceOf(MismatchedInputException.class);
        }
    }
}
