package dev.paperstream.notes.messaging;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.notes.benchmarks.BenchmarkTrigger;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.support.messaging.BatchConsumption;
import dev.paperstream.support.messaging.ReceivedEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * paper.discovered: keeps the newest version of each paper's metadata, a polled batch in one transaction (see
 * {@link BatchConsumption}); a record that cannot be read is dead-lettered alone.
 */
@ApplicationScoped
public class PaperDiscoveredConsumer {
    static final String CHANNEL = "paper-discovered";

    private final BatchConsumption batches;
    private final PaperRepository papers;
    private final BenchmarkTrigger benchmarks;

    public PaperDiscoveredConsumer(BatchConsumption batches, PaperRepository papers, BenchmarkTrigger benchmarks) {
        this.batches = batches;
        this.papers = papers;
        this.benchmarks = benchmarks;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, PaperDiscovered> records) {
        batches.consume(CHANNEL, CHANNEL, records, PaperDiscovered::requireIdAndVersion, this::store);
    }

    private void store(List<ReceivedEvent<PaperDiscovered>> events) {
        Map<String, PaperDiscovered> newest = PaperDiscovered.newestPerPaper(
                events.stream().map(ReceivedEvent::payload).toList());
        Set<String> written = papers.upsertAll(List.copyOf(newest.values()));
        if (written.isEmpty()) {
            return;
        }
        // a benchmark is requested for a scored paper; one whose scores have not arrived yet is considered
        // when they do (BenchmarkTrigger.scored), so only papers with scores need asking now
        for (String id : papers.withScores(written)) {
            benchmarks.consider(id);
        }
    }
}
