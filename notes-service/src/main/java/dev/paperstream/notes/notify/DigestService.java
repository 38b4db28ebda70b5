package dev.paperstream.notes.notify;

import dev.paperstream.events.EventJson;
import dev.paperstream.notes.channels.Redaction;
import dev.paperstream.notes.store.DigestDeliveries;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** MEDIUM papers collected per team and sent once a day as one message per channel, recorded per channel. */
@ApplicationScoped
public class DigestService {
    private static final Logger LOG = Logger.getLogger(DigestService.class);

    private final DigestDeliveries digests;
    private final ChannelSender sender;
    private final NotifyConfig config;

    public DigestService(DigestDeliveries digests, ChannelSender sender, NotifyConfig config) {
        this.digests = digests;
        this.sender = sender;
        this.config = config;
    }

    /** Adds each (paper, team) to the team's next digest, once, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void collectAll(List<String> paperIds, List<String> teams) {
        if (paperIds.isEmpty()) {
            return;
        }
        digests.collectAll(paperIds, teams);
    }

    @Scheduled(cron = "${paperstream.notify.digest-cron:0 0 8 * * ?}")
    void daily() {
        for (String team : digests.teamsWithPending()) {
            try {
                send(team);
            } catch (RuntimeException e) {
                LOG.warnf("digest for %s not sent, it stays pending: %s", team, e.getMessage());
            }
        }
    }

    /** How a digest run went: papers newly listed, and the channel deliveries sent and failed. */
    public record Run(int papers, int sent, int failed) {
    }

    /**
     * Makes the team's digest of the papers collected since the last one, one delivery per channel, then sends
     * every pending digest delivery of the team: the new ones and those that failed before (the same message,
     * under the same webhook id). Nothing is sent inside a transaction, and each channel's outcome is recorded
     * on its own, so a failing channel never repeats the digest on the others.
     */
    public Run send(String team) {
        int papers = digests.plan(team);
        UUID claim = UUID.randomUUID();
        Instant sendBy = Instant.now().plus(config.claimLease()).minus(DeliveryWorker.longestSend(config));
        int sent = 0;
        int failed = 0;
        for (DigestDeliveries.Claimed d : digests.claimPending(team, config.claimLease(), claim)) {
            if (Instant.now().isAfter(sendBy)) {
                digests.release(d.id(), claim);
                continue;
            }
            if (!digests.stillWanted(d.id(), claim)) {
                continue;
            }
            try {
                sender.send(d.kind(), d.target(), d.secret(), message(team, d));
            } catch (RuntimeException e) {
                String error = Redaction.error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                        d.target());
                LOG.warnf("digest of %s to %s at %s failed (attempt %d), it is sent again at the next run: %s", team,
                        d.kind(), Redaction.host(d.target()), d.attempts() + 1, error);
                digests.failed(d.id(), claim, error, d.attempts() + 1 >= config.maxAttempts());
                failed++;
                continue;
            }
            digests.delivered(d.id());
            sent++;
        }
        return new Run(papers, sent, failed);
    }

    private Message message(String team, DigestDeliveries.Claimed d) {
        List<String> lines = new ArrayList<>();
        digests.titles(d.paperIds()).forEach((id, title) ->
                lines.add(title + " " + Messages.pageUrl(config.publicUrl(), id)));
        String text = Messages.digestText(team, lines);
        return new Message(d.webhookId(), "Paperstream digest for " + team + ": " + lines.size() + " MEDIUM papers",
                text, Messages.digestSlack(text),
                EventJson.write(Map.of("event", "digest", "team", team, "papers", d.paperIds(), "text", text)));
    }
}
