package dev.paperstream.notes.notify;

import dev.paperstream.events.EventJson;
import dev.paperstream.notes.channels.Redaction;
import dev.paperstream.notes.store.ReminderDeliveries;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A queue item past its due date ({@link dev.paperstream.notes.queue.DuePolicy}) is announced once: to each of the
 * team's channels, naming its claimer, and to the claimer's own address when that is an e-mail address and the
 * team has an e-mail channel. The check runs every {@code paperstream.notify.overdue-check-interval}; it records
 * the reminders and plans their deliveries in one transaction, then sends every pending reminder delivery
 * outside any transaction. A delivery that failed is sent again, the same message under the same webhook id, at
 * the next check, until {@code paperstream.notify.max-attempts}.
 */
@ApplicationScoped
public class OverdueReminders {
    private static final Logger LOG = Logger.getLogger(OverdueReminders.class);
    private static final int CLAIMED_PER_ITEM = 4;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final ReminderDeliveries reminders;
    private final ChannelSender sender;
    private final NotifyConfig config;

    public OverdueReminders(ReminderDeliveries reminders, ChannelSender sender, NotifyConfig config) {
        this.reminders = reminders;
        this.sender = sender;
        this.config = config;
    }

    void checkSettings(@Observes StartupEvent event) {
        checkSettings(config);
    }

    static void checkSettings(NotifyConfig config) {
        Duration interval = config.overdueCheckInterval();
        if (interval.compareTo(Duration.ofMinutes(1)) < 0 || interval.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalStateException("paperstream.notify.overdue-check-interval is " + interval
                    + "; it must be between PT1M and PT24H");
        }
        if (config.overduePageSize() < 1 || config.overduePageSize() > 5000) {
            throw new IllegalStateException("paperstream.notify.overdue-page-size is " + config.overduePageSize()
                    + "; it must be between 1 and 5000");
        }
    }

    @Scheduled(every = "${paperstream.notify.overdue-check-interval:PT15M}",
            delayed = "${paperstream.notify.overdue-check-interval:PT15M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warnf("overdue check failed, the next one tries again: %s", e.getMessage());
        }
    }

    /** How a check went: items newly reminded of, and the deliveries sent and failed. */
    public record Run(int reminded, int sent, int failed) {
    }

    /** Reminds of one page of overdue items, then sends every pending reminder delivery. */
    public Run check() {
        int reminded = reminders.plan(config.overduePageSize(), this::words).size();
        UUID claim = UUID.randomUUID();
        Instant sendBy = Instant.now().plus(config.claimLease()).minus(DeliveryWorker.longestSend(config));
        int sent = 0;
        int failed = 0;
        // a page of items makes a delivery per channel each; what a check leaves pending, the next one sends
        for (ReminderDeliveries.Claimed d : reminders.claimPending(config.overduePageSize() * CLAIMED_PER_ITEM,
                config.claimLease(), claim)) {
            if (Instant.now().isAfter(sendBy)) {
                reminders.release(d.id(), claim);
                continue;
            }
            try {
                sender.send(d.kind(), d.target(), d.secret(), message(d));
            } catch (RuntimeException e) {
                String error = Redaction.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                        d.target());
                LOG.warnf("overdue reminder of %s to %s at %s failed (attempt %d), it is sent again at the next"
                        + " check: %s", d.paperId(), d.kind(), Redaction.host(d.target()), d.attempts() + 1, error);
                reminders.failed(d.id(), claim, error, d.attempts() + 1 >= config.maxAttempts());
                failed++;
                continue;
            }
            reminders.delivered(d.id());
            sent++;
        }
        return new Run(reminded, sent, failed);
    }

    /** Subject and text: "Overdue: <title> (HIGH, due <date>, claimed by X / unclaimed)" and the paper's page. */
    private ReminderDeliveries.Words words(ReminderDeliveries.Overdue o) {
        String line = "Overdue: " + o.title() + " (" + o.priority() + ", due " + DAY.format(o.dueAt()) + ", "
                + (o.claimedBy() == null ? "unclaimed" : "claimed by " + o.claimedBy()) + ")";
        return new ReminderDeliveries.Words(line, line + " for " + o.team() + "\n"
                + Messages.pageUrl(config.publicUrl(), o.paperId()) + "\n");
    }

    private Message message(ReminderDeliveries.Claimed d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "paper.overdue");
        body.put("paperId", d.paperId());
        body.put("team", d.team());
        body.put("priority", d.priority());
        body.put("dueAt", d.dueAt().toString());
        body.put("claimedBy", d.claimedBy());
        body.put("text", d.text());
        body.put("url", Messages.pageUrl(config.publicUrl(), d.paperId()));
        return new Message(d.webhookId(), d.subject(), d.text(), Messages.digestSlack(d.text()),
                EventJson.write(body));
    }
}
