package kz.prevention.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay renders and every object in it passes the validator. */
class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectOfTheOverlayIsValid(String overlay) {
        var objects = Rendered.objects(overlay);

        var violations = Rendered.VALIDATOR.validate(objects);

        assertThat(objects).hasSizeGreaterThan(60);
        assertThat(violations).as("violations in overlay " + overlay).isEmpty();
    }
}
