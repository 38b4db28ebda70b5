package dev.paperstream.notes.notify;

import dev.paperstream.events.PaperScored;
import dev.paperstream.events.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/** Decides, in the consumer's transaction, what a stored score means for the team's channels. */
@ApplicationScoped
public class Announcements {
    private final NotificationRepository notifications;
    private final DigestService digest;
    private final Event<DeliveryWorker.DeliveriesPlanned> planned;

    public Announcements(NotificationRepository notifications, DigestService digest,
            Event<DeliveryWorker.DeliveriesPlanned> planned) {
        this.notifications = notifications;
        this.digest = digest;
        this.planned = planned;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void scored(PaperScored score) {
        if (score.priority() == Priority.HIGH) {
            if (notifications.announce(score.id(), score.team()) > 0) {
                planned.fire(new DeliveryWorker.DeliveriesPlanned(score.id(), score.team()));
            }
        } else if (score.priority() == Priority.MEDIUM) {
            digest.collect(score.id(), score.team());
        }
    }
}
