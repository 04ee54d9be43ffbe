package kz.prevention.registry.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void keysIgnoreCaseYoAndPunctuation() {
        assertThat(Names.key("Ахметов", "Данияр-Ёлдаш", null)).isEqualTo("ахметов данияр елдаш");
        assertThat(Names.key("  ҚАСЫМОВА ", "Гүлнар")).isEqualTo("касымова гулнар");
    }

    @Test
    void kazakhLettersFoldToTheRussianOnesClerksType() {
        assertThat(Names.key("Қасымова", "Гүлнар", "Әлібекқызы")).isEqualTo(Names.key("Касымова", "Гулнар", "Алибеккызы"));
        assertThat(Names.key("Ұлан Өмірзақ Ңһ")).isEqualTo("улан омирзак нх");
        assertThat(Names.KAZAKH).hasSameSizeAs(Names.RUSSIAN);
    }

    @Test
    void aSwappedFirstAndLastNameIsStillTheSamePerson() {
        assertThat(Names.similarity(Names.key("Данияр", "Ахметов"), Names.key("Ахметов", "Данияр"))).isEqualTo(1.0);
        assertThat(Names.similarity(Names.key("Сапаров", "Айбек"), Names.key("Ахметов", "Данияр"))).isLessThan(0.5);
    }

    @Test
    void similarNamesScoreHighDifferentOnesLow() {
        assertThat(Names.similarity("ахметов данияр", "ахметов данияр")).isEqualTo(1.0);
        assertThat(Names.similarity("ахметов данияр", "ахмедов данияр")).isGreaterThan(0.9);
        assertThat(Names.similarity("ахметов данияр", "сапаров айбек")).isLessThan(0.5);
    }
}
