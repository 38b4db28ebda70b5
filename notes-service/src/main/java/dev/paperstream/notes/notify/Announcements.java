package dev.paperstream.notes.notify;

import dev.paperstream.events.PaperScored;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.store.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.List;

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

    /** For a batch of stored scores: HIGH ones are announced, MEDIUM ones collected for the digest. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scoredAll(List<PaperScored> scores) {
        List<PaperScored> high = scores.stream().filter(s -> s.priority() == Priority.HIGH).toList();
        List<PaperScored> medium = scores.stream().filter(s -> s.priority() == Priority.MEDIUM).toList();
        if (!high.isEmpty()) {
            for (NotificationRepository.Planned p : notifications.announceAll(
                    high.stream().map(PaperScored::id).toList(), high.stream().map(PaperScored::team).toList())) {
                planned.fire(new DeliveryWorker.DeliveriesPlanned(p.paperId(), p.team()));
            }
        }
        digest.collectAll(medium.stream().map(PaperScored::id).toList(), medium.stream().map(PaperScored::team).toList());
    }

}
