package dev.paperstream.priority.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperSource;
import dev.paperstream.priority.store.PaperEntity;
import dev.paperstream.priority.store.PaperRepository;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stores a polled batch of new papers (2,000, the default batch size) two ways in one transaction each: the
 * consumer's one {@code unnest} upsert, and one Panache {@code persist} per paper. Not part of the suite (its
 * name does not end in Test); run it with
 * {@code ./mvnw -B -o -pl priority-service -am -Dtest=PaperStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class PaperStoreBenchmark {
    private static final int BATCH = 2_000;
    private static final int ROUNDS = 5;

    @Inject
    PaperRepository papers;

    @Test
    void storesABatchOfPapersWithOneStatementAndWithPersistPerPaper() {
        upsertAll(batch(200));
        persistEach(batch(200));
        long unnest = Long.MAX_VALUE;
        long persist = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            List<PaperDiscovered> a = batch(BATCH);
            long t0 = System.nanoTime();
            assertThat(upsertAll(a)).isEqualTo(BATCH);
            unnest = Math.min(unnest, System.nanoTime() - t0);
            List<PaperDiscovered> b = batch(BATCH);
            long t1 = System.nanoTime();
            persistEach(b);
            persist = Math.min(persist, System.nanoTime() - t1);
            assertThat(papers.count("id in ?1", b.stream().map(PaperDiscovered::id).toList())).isEqualTo(BATCH);
        }
        System.out.printf("%d new papers per transaction, best of %d: unnest upsert %.1f ms (%.0f papers/s), "
                + "Panache persist per paper %.1f ms (%.0f papers/s)%n", BATCH, ROUNDS, unnest / 1e6,
                BATCH / (unnest / 1e9), persist / 1e6, BATCH / (persist / 1e9));
    }

    private int upsertAll(List<PaperDiscovered> batch) {
        return QuarkusTransaction.requiringNew().call(() -> papers.upsertAll(batch)).size();
    }

    private void persistEach(List<PaperDiscovered> batch) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (PaperDiscovered p : batch) {
                PaperEntity e = new PaperEntity();
                e.id = p.id();
                e.version = p.version();
                e.title = p.title();
                e.abstractText = p.summary();
                e.comment = p.comment();
                e.categories = p.categories();
                e.published = p.published();
                e.codeLinks = p.links().code();
                e.fulltextCodeLinks = List.of();
                e.fulltextOutline = "";
                e.updatedAt = Instant.now();
                papers.persist(e);
            }
        });
    }

    private static List<PaperDiscovered> batch(int n) {
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        List<PaperDiscovered> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = prefix + "." + i;
            out.add(new PaperDiscovered(id, 1, "Fused attention kernels for GPUs " + i, List.of("A. Author"),
                    "We present a fused attention kernel that reduces memory traffic on GPUs. ".repeat(12),
                    List.of("cs.LG", "cs.AI"), "cs.LG", now, now, "10 pages", null, null,
                    new PaperLinks("https://arxiv.org/abs/" + id + "v1", "https://arxiv.org/pdf/" + id,
                            List.of("https://github.com/example/kernels")), PaperSource.API));
        }
        return out;
    }
}
