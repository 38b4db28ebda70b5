package dev.paperstream.notes.notify;

import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.channels.Delivery;
import dev.paperstream.notes.channels.Redaction;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.notes.store.NotificationRepository;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.store.ScoreRepository;
import dev.paperstream.support.work.WakeableLoop;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Delivers due announcements. A consumer transaction that plans deliveries wakes the worker once it has
 * committed, so an announcement leaves within milliseconds instead of at the next poll; the poll
 * ({@code paperstream.notify.poll-interval}) only picks up retries that came due and rows planned by other
 * instances. No send runs inside a database transaction: a round claims due rows with a lease in one short
 * statement, sends them outside any transaction (each with its own timeout), and records each outcome in its own
 * statement as soon as it is known. A failure is retried with doubling back-off until {@code max-attempts}, then
 * marked FAILED; a worker that dies between a send and its record leaves the row to be claimed again when the
 * lease runs out, and the repeat carries the same webhook id.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    static final int BATCH = 50;
    private static final int PARALLEL_SENDS = 8;

    private final NotificationRepository notifications;
    private final PaperRepository papers;
    private final ScoreRepository scores;
    private final ChannelSender sender;
    private final NotifyConfig config;
    private final ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_SENDS);
    private final WakeableLoop loop;

    public DeliveryWorker(NotificationRepository notifications, PaperRepository papers, ScoreRepository scores,
            ChannelSender sender, NotifyConfig config) {
        this.notifications = notifications;
        this.papers = papers;
        this.scores = scores;
        this.sender = sender;
        this.config = config;
        this.loop = new WakeableLoop("notification-delivery", config.pollInterval(), () -> deliverDue() == BATCH);
    }

    /** Fired in the transaction that planned deliveries; observed only once that transaction has committed. */
    public record DeliveriesPlanned(String paperId, String team) {
    }

    void onPlanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesPlanned planned) {
        loop.wake();
    }

    void start(@Observes StartupEvent event) {
        checkLease(config);
        loop.start();
    }

    /** The lease must leave room for at least one send of the longest kind, with a margin. */
    static void checkLease(NotifyConfig config) {
        Duration least = longestSend(config).multipliedBy(2);
        if (config.claimLease().compareTo(least) < 0 || config.claimLease().compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalStateException("paperstream.notify.claim-lease is " + config.claimLease()
                    + "; it must be between four times paperstream.notify.http-timeout (" + least + ") and PT1H");
        }
    }

    /** Connecting and waiting for the answer each have their own timeout. */
    static Duration longestSend(NotifyConfig config) {
        return config.httpTimeout().multipliedBy(2);
    }

    /** Claims, sends and records one round of due deliveries; returns how many it claimed. */
    int deliverDue() {
        UUID claim = UUID.randomUUID();
        // The local deadline starts before the database's lease does, so it ends no later than the lease.
        Instant sendBy = Instant.now().plus(config.claimLease()).minus(longestSend(config));
        List<NotificationRepository.Due> due = notifications.claimDue(BATCH, config.claimLease(), claim);
        if (due.isEmpty()) {
            return 0;
        }
        // Messages are read with two queries for the whole round; the sends run side by side.
        List<String> paperIds = due.stream().map(d -> d.delivery().paperId()).toList();
        Map<String, StoredPaper> paperById = papers.findAll(paperIds);
        Map<String, PaperScored> scoreByKey = scores.findAll(paperIds,
                due.stream().map(d -> d.delivery().team()).toList());
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (NotificationRepository.Due d : due) {
            Delivery x = d.delivery();
            PaperScored score = scoreByKey.get(ScoreRepository.key(x.paperId(), x.team()));
            if (score == null) {
                recordFailure(x, claim, "no score of " + x.paperId() + " for " + x.team());
                continue;
            }
            Message message = message(x.webhookId(), paperById.get(x.paperId()), score);
            sends.add(CompletableFuture.runAsync(() -> sendAndRecord(d, claim, sendBy, message), senders));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        return due.size();
    }

    private void sendAndRecord(NotificationRepository.Due due, UUID claim, Instant sendBy, Message message) {
        Delivery d = due.delivery();
        try {
            if (Instant.now().isAfter(sendBy)) {
                notifications.release(d.id(), claim);
                return;
            }
            if (!notifications.stillWanted(d.id(), claim)) {
                return;
            }
            String error = null;
            try {
                sender.send(d.kind(), d.target(), due.secret(), message);
            } catch (RuntimeException e) {
                error = Redaction.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                        d.target());
            }
            if (error == null) {
                notifications.delivered(d.id());
            } else {
                recordFailure(d, claim, error);
            }
        } catch (RuntimeException e) {
            // The database failed around the send: the claim runs out and the delivery is sent again, same id.
            LOG.warnf("delivery %d of %s not recorded, it is retried after its lease: %s", d.id(), d.paperId(),
                    Redaction.error(e.getMessage(), d.target()));
        }
    }

    private void recordFailure(Delivery d, UUID claim, String error) {
        int attempt = d.attempts() + 1;
        Instant retry = attempt >= config.maxAttempts() ? null : Instant.now().plus(backoff(attempt));
        LOG.warnf("delivery %d of %s to %s at %s failed (attempt %d): %s", d.id(), d.paperId(), d.kind(),
                Redaction.host(d.target()), attempt, error);
        notifications.failed(d.id(), claim, error, retry);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        loop.stop(Duration.ofSeconds(5));
        senders.shutdownNow();
    }

    Duration backoff(int attempt) {
        Duration delay = config.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    private Message message(String webhookId, StoredPaper paper, PaperScored score) {
        String url = Messages.pageUrl(config.publicUrl(), paper.id());
        return new Message(webhookId, Messages.headline(paper, score), Messages.email(paper, score, url),
                Messages.slack(paper, score, url), Messages.webhook(paper, score, url));
    }
}
