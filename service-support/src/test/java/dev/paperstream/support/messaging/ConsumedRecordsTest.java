package dev.paperstream.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.BenchmarkRequested;
import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.kafka.BenchmarkRequestedDeserializer;
import io.smallrye.reactive.messaging.kafka.fault.DeserializerWrapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Records as a channel hands them over: read by the event's deserializer inside SmallRye's wrapper. */
class ConsumedRecordsTest {
    private final DeserializerWrapper<BenchmarkRequested> channel = new DeserializerWrapper<>(
            BenchmarkRequestedDeserializer.class.getName(), false, null, (failure, fatal) -> { }, false, false);

    private ConsumerRecord<String, BenchmarkRequested> consumed(String ceType, String ceId, String json) {
        RecordHeaders headers = new RecordHeaders();
        if (ceId != null) {
            headers.add(CloudEventHeaders.ID, ceId.getBytes(StandardCharsets.UTF_8));
        }
        headers.add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        BenchmarkRequested value = channel.deserialize("benchmark.requested", headers, data);
        return new ConsumerRecord<>("benchmark.requested", 2, 17, ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE, data.length, "job-1", value, headers,
                Optional.empty());
    }

    private static String request() {
        return EventJson.write(new BenchmarkRequested("job-1", List.of("naive"), 1, 1, List.of(64), 16, false,
                "fp32", "cpu", null));
    }

    @Test
    void aReadableRecordHasItsCeIdAndNothingAgainstIt() {
        ConsumerRecord<String, BenchmarkRequested> record =
                consumed(EventType.BENCHMARK_REQUESTED.ceType(), "ce-1", request());
        assertThat(record.value().jobId()).isEqualTo("job-1");
        assertThat(ConsumedRecords.unreadable(record)).isEmpty();
        assertThat(ConsumedRecords.eventId(record)).isEqualTo("ce-1");
    }

    @Test
    void aRecordTheDeserializerRefusedCarriesItsReasonAndItsBytes() {
        ConsumerRecord<String, BenchmarkRequested> wrongType =
                consumed(EventType.PAPER_SCORED.ceType(), "ce-2", request());
        assertThat(wrongType.value()).isNull();
        assertThat(ConsumedRecords.unreadable(wrongType)).contains("paperstream.benchmark.requested.v1 record on"
                + " benchmark.requested has ce_type paperstream.paper.scored.v1; expected"
                + " paperstream.benchmark.requested.v1");
        assertThat(wrongType.headers().lastHeader("deserialization-failure-data").value())
                .isEqualTo(request().getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, BenchmarkRequested> malformed =
                consumed(EventType.BENCHMARK_REQUESTED.ceType(), "ce-3", "{\"jobId\":");
        assertThat(ConsumedRecords.unreadable(malformed).orElseThrow()).startsWith("BenchmarkRequested: ");
    }

    @Test
    void aNullValueWithoutAReasonIsUnreadableForWantOfPayload() {
        ConsumerRecord<String, String> tombstone = new ConsumerRecord<>("benchmark.requested", 0, 5, "job-1", null);
        assertThat(ConsumedRecords.unreadable(tombstone)).contains("record at benchmark.requested-0@5 has no payload");
    }

    @Test
    void withoutACeIdTheRecordsPositionIsItsIdentity() {
        ConsumerRecord<String, String> text = new ConsumerRecord<>("paper.parsed", 1, 42, "2307.08691", "{}");
        assertThat(ConsumedRecords.eventId(text)).isEqualTo("paper.parsed-1@42");
    }
}
