package dev.paperstream.notes.notify;

import dev.paperstream.events.PaperScored;
import dev.paperstream.events.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Decides, in the consumer's transaction, what a stored score means for the team's channels. */
@ApplicationScoped
public class Announcements {
    private final NotificationRepository notifications;
    private final DigestService digest;

    public Announcements(NotificationRepository notifications, DigestService digest) {
        this.notifications = notifications;
        this.digest = digest;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void scored(PaperScored score) {
        if (score.priority() == Priority.HIGH) {
            notifications.announce(score.id(), score.team());
        } else if (score.priority() == Priority.MEDIUM) {
            digest.collect(score.id(), score.team());
        }
    }
}
