package kz.prevention.eventing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/** One trace goes from an HTTP request through the outbox and Kafka into the consumer's work. */
@QuarkusTest
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theConsumersWorkIsInTheTraceOfTheRequestThatCausedIt() {
        String account = "acc-" + UUID.randomUUID();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + "4736";
        String callerSpan = "00f067aa0ba902b7";

        String eventTraceparent = given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when().post("/test/ledger/" + account + "/credits/5")
                .then().statusCode(200).extract().path("traceparent");

        assertThat(eventTraceparent).startsWith("00-" + traceId + "-");
        String recordingSpan = eventTraceparent.substring(36, 52);
        SpanData consumer = await().atMost(Duration.ofSeconds(60)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId))
                .findFirst().orElse(null), s -> s != null);
        assertThat(consumer.getParentSpanId()).as("the consumer's span is the child of the span that recorded the event")
                .isEqualTo(recordingSpan);
        assertThat(consumer.getName()).contains("ledger-projection process");
        SpanData server = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId)).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
    }
}
