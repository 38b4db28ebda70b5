package dev.paperstream.ingest.messaging;

import dev.paperstream.events.ArxivId;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperScored;
import dev.paperstream.ingest.fulltext.FullTextConfig;
import dev.paperstream.ingest.fulltext.PdfDeadLetters;
import dev.paperstream.ingest.fulltext.PdfFetchQueue;
import dev.paperstream.ingest.fulltext.PdfFetchWorker;
import dev.paperstream.ingest.store.ParsedPaperRepository;
import dev.paperstream.support.messaging.IncomingEvent;
import dev.paperstream.support.messaging.ProcessedEvents;
import dev.paperstream.support.messaging.RecordConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * On paper.scored at or above {@code paperstream.fulltext.parse-from}: parks the PDF download in
 * {@link PdfFetchQueue}, in this transaction, and wakes {@link PdfFetchWorker} once it commits. The
 * consumer never talks to arXiv itself, so a block or a back-off there neither holds up the partition
 * nor turns the record into a dead letter: the download waits in the table until arXiv allows it.
 * Idempotent: a redelivered event, a version already parsed or already parked changes nothing. Only a
 * record bad in itself (unreadable payload, invalid id) fails and goes to dlq.ingest.paper.scored, as
 * does one that finds the queue full of papers at least as urgent (the reason says so).
 */
@ApplicationScoped
public class ScoredPaperConsumer {
    static final String CONSUMER = "ingest-service.paper-scored";
    private static final Logger LOG = Logger.getLogger(ScoredPaperConsumer.class);

    private final FullTextConfig config;
    private final ParsedPaperRepository parsed;
    private final ProcessedEvents processed;
    private final PdfFetchQueue queue;
    private final PdfDeadLetters deadLetters;
    private final PdfFetchWorker worker;
    private final TransactionSynchronizationRegistry transactions;

    public ScoredPaperConsumer(FullTextConfig config, ParsedPaperRepository parsed, ProcessedEvents processed,
            PdfFetchQueue queue, PdfDeadLetters deadLetters, PdfFetchWorker worker,
            TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.parsed = parsed;
        this.processed = processed;
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.worker = worker;
        this.transactions = transactions;
    }

    @Incoming("paper-scored")
    @Blocking
    @RecordConsumer
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent<PaperScored> event = IncomingEvent.of(record, EventType.PAPER_SCORED, PaperScored.class);
        PaperScored scored = event.payload();
        if (!ArxivId.isValidId(scored.id()) || scored.version() < 1) {
            throw new IllegalArgumentException("paper.scored needs an arXiv id without version and a version >= 1,"
                    + " got '" + scored.id() + "' v" + scored.version());
        }
        if (!scored.priority().isAtLeast(config.parseFrom()) || !processed.firstDelivery(CONSUMER, event.id())
                || parsed.parsed(scored.id(), scored.version()).isPresent()) {
            return;
        }
        queue.park(scored.id(), scored.version(), scored.priority(), event.id(), record.value())
                .ifPresent(displaced -> deadLetters.send(displaced, "displaced from the full PDF download queue"
                        + " (paperstream.fulltext.parked-max=" + config.parkedMax() + ") by " + scored.priority()
                        + " paper " + scored.id() + "v" + scored.version() + "; replay it once arXiv allows again"));
        LOG.debugf("%s paper %sv%d scored for %s: PDF download parked", scored.priority(), scored.id(),
                scored.version(), scored.team());
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
