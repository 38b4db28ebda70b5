package dev.paperstream.ingest.messaging;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventType;
import dev.paperstream.events.Topics;
import dev.paperstream.ingest.fulltext.PdfDeadLetters;
import dev.paperstream.ingest.fulltext.PdfFetchQueue;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a parked paper.scored record to {@code dlq.ingest.paper.scored} as the consumer's own dead-letter
 * strategy would have (same key, body and ce_ headers, the reason in {@code dead-letter-reason}): for
 * records found bad only after they were parked (a download that is no PDF), or displaced from a full
 * queue. Waits for the broker's acknowledgement, so that the row is removed only once the record is safe.
 */
@ApplicationScoped
public class PdfDeadLetterProducer implements PdfDeadLetters {
    private final MutinyEmitter<String> emitter;

    public PdfDeadLetterProducer(@Channel("paper-scored-parked-dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(PdfFetchQueue.Parked p, String reason) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "dead-letter-reason", reason);
        header(headers, "dead-letter-topic", Topics.PAPER_SCORED);
        header(headers, CloudEventHeaders.ID, p.ceId());
        header(headers, CloudEventHeaders.TYPE, EventType.PAPER_SCORED.ceType());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        emitter.sendMessageAndAwait(Message.of(p.payload()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(p.id()).withHeaders(headers).build()));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
