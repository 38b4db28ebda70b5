package dev.paperstream.ingest.messaging;

import dev.paperstream.events.ArxivId;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperScored;
import dev.paperstream.ingest.fulltext.FullTextConfig;
import dev.paperstream.ingest.fulltext.PdfDeadLetters;
import dev.paperstream.ingest.fulltext.PdfFetchQueue;
import dev.paperstream.ingest.fulltext.PdfFetchWorker;
import dev.paperstream.ingest.store.ParsedPaperRepository;
import dev.paperstream.support.messaging.BatchConsumption;
import dev.paperstream.support.messaging.ReceivedEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * On paper.scored at or above {@code paperstream.fulltext.parse-from}: parks the PDF download in
 * {@link PdfFetchQueue}, in the batch's transaction, and wakes {@link PdfFetchWorker} once it commits. The
 * consumer never talks to arXiv itself, so a block or a back-off there neither holds up the partition
 * nor turns the record into a dead letter: the download waits in the table until arXiv allows it.
 * Idempotent: a redelivered event, a version already parsed or already parked changes nothing. Only a
 * record bad in itself (unreadable payload, invalid id) fails and goes to dlq.ingest.paper.scored, as
 * does one that finds the queue full of papers at least as urgent (the reason says so).
 * A polled batch is read and applied at once ({@link BatchConsumption}): every score of every team passes
 * through here and few of them ask for a PDF, and one transaction and one worker hand-off per record cost
 * ingest more CPU than its imports in the triage benchmark (docs/benchmarks/triage-throughput.md).
 */
@ApplicationScoped
public class ScoredPaperConsumer {
    static final String CHANNEL = "paper-scored";
    static final String CONSUMER = "ingest-service.paper-scored";
    private static final Logger LOG = Logger.getLogger(ScoredPaperConsumer.class);

    private final FullTextConfig config;
    private final ParsedPaperRepository parsed;
    private final PdfFetchQueue queue;
    private final PdfDeadLetters deadLetters;
    private final PdfFetchWorker worker;
    private final TransactionSynchronizationRegistry transactions;
    private final BatchConsumption batches;

    public ScoredPaperConsumer(FullTextConfig config, ParsedPaperRepository parsed, PdfFetchQueue queue,
            PdfDeadLetters deadLetters, PdfFetchWorker worker, TransactionSynchronizationRegistry transactions,
            BatchConsumption batches) {
        this.config = config;
        this.parsed = parsed;
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.worker = worker;
        this.transactions = transactions;
        this.batches = batches;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, PaperScored> records) {
        batches.consume(CHANNEL, CONSUMER, records, ScoredPaperConsumer::validate,
                scored -> scored.priority().isAtLeast(config.parseFrom()), this::park);
    }

    static void validate(PaperScored scored) {
        if (!ArxivId.isValidId(scored.id()) || scored.version() < 1) {
            throw new IllegalArgumentException("paper.scored needs an arXiv id without version and a version >= 1,"
                    + " got '" + scored.id() + "' v" + scored.version());
        }
    }

    /** In the batch's transaction: the events at or above parse-from delivered for the first time. */
    private void park(List<ReceivedEvent<PaperScored>> events) {
        boolean parkedAny = false;
        for (ReceivedEvent<PaperScored> event : events) {
            PaperScored scored = event.payload();
            if (parsed.parsed(scored.id(), scored.version()).isPresent()) {
                continue;
            }
            queue.park(scored.id(), scored.version(), scored.priority(), event.id(), EventJson.write(scored))
                    .ifPresent(displaced -> deadLetters.send(displaced, "displaced from the full PDF download queue"
                            + " (paperstream.fulltext.parked-max=" + config.parkedMax() + ") by " + scored.priority()
                            + " paper " + scored.id() + "v" + scored.version() + "; replay it once arXiv allows again"));
            LOG.debugf("%s paper %sv%d scored for %s: PDF download parked", scored.priority(), scored.id(),
                    scored.version(), scored.team());
            parkedAny = true;
        }
        if (parkedAny) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        worker.wake();
                    }
                }
            });
        }
    }
}
