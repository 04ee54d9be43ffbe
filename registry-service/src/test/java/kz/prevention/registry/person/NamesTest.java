package kz.prevention.registry.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void keysIgnoreCaseYoAndPunctuation() {
        assertThat(Names.key("Ахметов", "Данияр-Ёлдаш", null)).isEqualTo("ахметов данияр елдаш");
        assertThat(Names.key("  ҚАСЫМОВА ", "Гүлнар")).isEqualTo("қасымова гүлнар");
    }

    @Test
    void similarNamesScoreHighDifferentOnesLow() {
        assertThat(Names.similarity("ахметов данияр", "ахметов данияр")).isEqualTo(1.0);
        assertThat(Names.similarity("ахметов данияр", "ахмедов данияр")).isGreaterThan(0.9);
        assertThat(Names.similarity("ахметов данияр", "сапаров айбек")).isLessThan(0.5);
    }
}
