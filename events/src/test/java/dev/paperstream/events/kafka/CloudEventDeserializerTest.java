package dev.paperstream.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.InvalidEventException;
import dev.paperstream.events.PaperParsed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class CloudEventDeserializerTest {
    private final PaperParsedDeserializer deserializer = new PaperParsedDeserializer();

    private static PaperParsed parsed(String text) {
        return new PaperParsed("2307.08691", 2, "grobid 0.8.0",
                List.of(new PaperParsed.Section("1 Introduction", text)), List.of("Figure 1: tiling"), List.of(),
                List.of(), 42, List.of("https://github.com/Dao-AILab/flash-attention"), true, false);
    }

    private static Headers headers(String ceType) {
        Headers headers = new RecordHeaders();
        add(headers, CloudEventHeaders.ID, UUID.randomUUID().toString());
        add(headers, CloudEventHeaders.TYPE, ceType);
        add(headers, CloudEventHeaders.SOURCE, "/ingest-service");
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(Object payload) {
        return EventJson.write(payload).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRecordWithItsTypesHeadersIsReadAsItsPayload() {
        PaperParsed p = parsed("We tile attention.");
        assertThat(deserializer.deserialize("paper.parsed", headers(EventType.PAPER_PARSED.ceType()), json(p)))
                .isEqualTo(p);
    }

    @Test
    void anotherEventTypeIsRefusedNamingBothTypes() {
        assertThatThrownBy(() -> deserializer.deserialize("paper.parsed", headers(EventType.PAPER_SCORED.ceType()),
                json(parsed("x"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("paperstream.paper.parsed.v1 record on paper.parsed has ce_type paperstream.paper.scored.v1;"
                        + " expected paperstream.paper.parsed.v1");
    }

    @Test
    void aNewerVersionOfTheTypeIsRefusedAsUnknown() {
        assertThatThrownBy(() -> deserializer.deserialize("paper.parsed", headers("paperstream.paper.parsed.v2"),
                json(parsed("x"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("has ce_type paperstream.paper.parsed.v2 (a type this consumer does not know)");
    }

    @Test
    void aRecordWithoutCeTypeOrSpecVersionOrIdIsRefused() {
        for (String missing : List.of(CloudEventHeaders.TYPE, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID)) {
            Headers headers = headers(EventType.PAPER_PARSED.ceType());
            headers.remove(missing);
            assertThatThrownBy(() -> deserializer.deserialize("paper.parsed", headers, json(parsed("x"))))
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("has no " + missing + " header");
        }
    }

    @Test
    void anotherSpecVersionIsRefused() {
        Headers headers = headers(EventType.PAPER_PARSED.ceType());
        headers.remove(CloudEventHeaders.SPEC_VERSION);
        add(headers, CloudEventHeaders.SPEC_VERSION, "0.3");
        assertThatThrownBy(() -> deserializer.deserialize("paper.parsed", headers, json(parsed("x"))))
                .hasMessageContaining("has ce_specversion 0.3; only 1.0 is read");
    }

    @Test
    void aRecordWithoutPayloadIsRefused() {
        assertThatThrownBy(() -> deserializer.deserialize("paper.parsed", headers(EventType.PAPER_PARSED.ceType()), (byte[]) null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("has no payload");
    }

    @Test
    void malformedJsonIsRefusedSayingWhatIsWrong() {
        Headers headers = headers(EventType.PAPER_PARSED.ceType());
        assertThatThrownBy(() -> deserializer.deserialize("paper.parsed", headers,
                "{\"id\":\"2307.08691\",".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("PaperParsed: Unexpected end-of-input");
        assertThatThrownBy(() -> deserializer.deserialize("paper.parsed", headers,
                "{\"id\":\"2307.08691\",\"version\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("PaperParsed: ").hasMessageContaining("parser");
        assertThatThrownBy(() -> deserializer.deserialize("paper.parsed", headers,
                new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("PaperParsed: ");
    }

    @Test
    void aLargeFullTextIsReadWhole() {
        // the broker bounds a record's size (the topic's max.message.bytes); below that, nothing is cut
        PaperParsed p = parsed("attention ".repeat(300_000));
        PaperParsed read = deserializer.deserialize("paper.parsed", headers(EventType.PAPER_PARSED.ceType()), json(p));
        assertThat(read.sections().get(0).text()).hasSize(3_000_000);
    }

    @Test
    void withoutHeadersNothingIsRead() {
        assertThatThrownBy(() -> deserializer.deserialize("paper.parsed", json(parsed("x"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("without headers");
    }

    @Test
    void everyEventTypeHasADeserializerNamedAfterItsPayload() throws ReflectiveOperationException {
        for (EventType type : EventType.values()) {
            String name = CloudEventDeserializer.class.getPackageName() + "." + type.payloadType().getSimpleName()
                    + "Deserializer";
            Deserializer<?> d = (Deserializer<?>) Class.forName(name).getConstructor().newInstance();
            assertThat(((CloudEventDeserializer<?>) d).type()).as(name).isEqualTo(type);
        }
        BenchmarkRequested r = new BenchmarkRequested(UUID.randomUUID().toString(), List.of("naive", "tiled"), 1, 8,
                List.of(512), 64, true, "fp32", "auto", null);
        assertThat(new BenchmarkRequestedDeserializer().deserialize("benchmark.requested",
                headers(EventType.BENCHMARK_REQUESTED.ceType()), json(r))).isEqualTo(r);
    }
}
