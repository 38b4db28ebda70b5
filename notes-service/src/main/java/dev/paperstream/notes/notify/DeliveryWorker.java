package dev.paperstream.notes.notify;

import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.papers.PaperRepository;
import dev.paperstream.notes.papers.ScoreRepository;
import dev.paperstream.notes.papers.StoredPaper;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Delivers due announcements. Rows are locked while they are sent, so several instances never send the same
 * one; a failure is retried with doubling back-off until {@code max-attempts}, then marked FAILED.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int BATCH = 50;
    private static final int PARALLEL_SENDS = 8;

    private final NotificationRepository notifications;
    private final PaperRepository papers;
    private final ScoreRepository scores;
    private final ChannelSender sender;
    private final NotifyConfig config;
    private final ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_SENDS);

    public DeliveryWorker(NotificationRepository notifications, PaperRepository papers, ScoreRepository scores,
            ChannelSender sender, NotifyConfig config) {
        this.notifications = notifications;
        this.papers = papers;
        this.scores = scores;
        this.sender = sender;
        this.config = config;
    }

    @Scheduled(every = "${paperstream.notify.poll-interval:0.1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void deliverDue() {
        List<NotificationRepository.Due> due = notifications.lockDue(BATCH);
        // Messages are read in this transaction; the sends, which touch no database, run side by side.
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (NotificationRepository.Due d : due) {
            Message message;
            try {
                message = message(d.delivery());
            } catch (RuntimeException e) {
                outcomes.add(CompletableFuture.completedFuture(e.getMessage()));
                continue;
            }
            Delivery x = d.delivery();
            outcomes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    sender.send(x.kind(), x.target(), d.secret(), message);
                    return null;
                } catch (RuntimeException e) {
                    return e.getMessage() == null ? e.toString() : e.getMessage();
                }
            }, senders));
        }
        for (int i = 0; i < due.size(); i++) {
            Delivery d = due.get(i).delivery();
            String error = outcomes.get(i).join();
            if (error == null) {
                notifications.delivered(d.id());
            } else {
                int attempt = d.attempts() + 1;
                Instant retry = attempt >= config.maxAttempts() ? null : Instant.now().plus(backoff(attempt));
                LOG.warnf("delivery %d of %s to %s %s failed (attempt %d): %s", d.id(), d.paperId(), d.kind(),
                        d.target(), attempt, error);
                notifications.failed(d.id(), error, retry);
            }
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    Duration backoff(int attempt) {
        Duration delay = config.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    private Message message(Delivery d) {
        StoredPaper paper = papers.find(d.paperId()).orElseThrow();
        Optional<PaperScored> score = scores.forPaper(d.paperId()).stream()
                .filter(s -> s.team().equals(d.team())).findFirst();
        if (score.isEmpty()) {
            throw new ChannelSender.DeliveryException("no score of " + d.paperId() + " for " + d.team());
        }
        String url = Messages.pageUrl(config.publicUrl(), paper.id());
        return new Message(Messages.headline(paper, score.get()), Messages.email(paper, score.get(), url),
                Messages.slack(paper, score.get(), url), Messages.webhook(paper, score.get(), url));
    }
}
