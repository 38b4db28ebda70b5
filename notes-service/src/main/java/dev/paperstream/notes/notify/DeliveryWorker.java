package dev.paperstream.notes.notify;

import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.papers.PaperRepository;
import dev.paperstream.notes.papers.ScoreRepository;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.support.work.WakeableLoop;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Delivers due announcements. A consumer transaction that plans deliveries wakes the worker once it has
 * committed, so an announcement leaves within milliseconds instead of at the next poll; the poll
 * ({@code paperstream.notify.poll-interval}) only picks up retries that came due and rows planned by other
 * instances. Rows are locked while they are sent, so several instances never send the same one; a failure is
 * retried with doubling back-off until {@code max-attempts}, then marked FAILED.
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
        this.loop = new WakeableLoop("notification-delivery", config.pollInterval(),
                () -> QuarkusTransaction.requiringNew().call(this::deliverDue) == BATCH);
    }

    /** Fired in the transaction that planned deliveries; observed only once that transaction has committed. */
    public record DeliveriesPlanned(String paperId, String team) {
    }

    void onPlanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesPlanned planned) {
        loop.wake();
    }

    void start(@Observes StartupEvent event) {
        loop.start();
    }

    /** Sends one batch of due deliveries in the caller's transaction; returns how many it handled. */
    int deliverDue() {
        List<NotificationRepository.Due> due = notifications.lockDue(BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        // Messages are read in this transaction with two queries for the whole batch; the sends, which touch
        // no database, run side by side.
        List<String> paperIds = due.stream().map(d -> d.delivery().paperId()).toList();
        Map<String, StoredPaper> paperById = papers.findAll(paperIds);
        Map<String, PaperScored> scoreByKey = scores.findAll(paperIds,
                due.stream().map(d -> d.delivery().team()).toList());
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (NotificationRepository.Due d : due) {
            Delivery x = d.delivery();
            PaperScored score = scoreByKey.get(ScoreRepository.key(x.paperId(), x.team()));
            if (score == null) {
                outcomes.add(CompletableFuture.completedFuture("no score of " + x.paperId() + " for " + x.team()));
                continue;
            }
            Message message = message(paperById.get(x.paperId()), score);
            outcomes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    sender.send(x.kind(), x.target(), d.secret(), message);
                    return null;
                } catch (RuntimeException e) {
                    return Redaction.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                            x.target());
                }
            }, senders));
        }
        List<Long> delivered = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Delivery d = due.get(i).delivery();
            String error = outcomes.get(i).join();
            if (error == null) {
                delivered.add(d.id());
            } else {
                int attempt = d.attempts() + 1;
                Instant retry = attempt >= config.maxAttempts() ? null : Instant.now().plus(backoff(attempt));
                LOG.warnf("delivery %d of %s to %s at %s failed (attempt %d): %s", d.id(), d.paperId(), d.kind(),
                        Redaction.host(d.target()), attempt, error);
                notifications.failed(d.id(), error, retry);
            }
        }
        notifications.delivered(delivered);
        return due.size();
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

    private Message message(StoredPaper paper, PaperScored score) {
        String url = Messages.pageUrl(config.publicUrl(), paper.id());
        return new Message(Messages.headline(paper, score), Messages.email(paper, score, url),
                Messages.slack(paper, score, url), Messages.webhook(paper, score, url));
    }
}
