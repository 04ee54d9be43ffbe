package kz.prevention.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import kz.prevention.eventing.envelope.TraceParent;

class TraceParentTest {

    @Test
    void aNewRootIsValid() {
        assertThat(TraceParent.isValid(TraceParent.newRoot())).isTrue();
    }

    @Test
    void aChildKeepsTheTraceAndGetsANewSpan() {
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        String child = TraceParent.childOf(parent);

        assertThat(child).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01");
        assertThat(child.substring(36, 52)).isNotEqualTo("00f067aa0ba902b7");
        assertThat(TraceParent.isValid(child)).isTrue();
    }

    @Test
    void malformedOrAllZeroValuesAreInvalid() {
        assertThat(TraceParent.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7")).isFalse();
        assertThat(TraceParent.isValid("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isFalse();
        assertThat(TraceParent.isValid("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.isValid(null)).isFalse();
    }

    @Test
    void aChildOfGarbageIsANewRoot() {
        assertThat(TraceParent.isValid(TraceParent.childOf("garbage"))).isTrue();
    }
}
