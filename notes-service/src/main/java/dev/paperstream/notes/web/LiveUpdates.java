package dev.paperstream.notes.web;

import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.auth.TeamScope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * Server-sent events for open pages: a "paper" event once a new score is committed, of the teams the visitor
 * may use (as they were when the stream was opened).
 */
@Path("/live")
@ApplicationScoped
public class LiveUpdates {
    private final BroadcastProcessor<PaperScored> scored = BroadcastProcessor.create();
    private final PaperRepository papers;
    private final TeamAccess access;

    public LiveUpdates(PaperRepository papers, TeamAccess access) {
        this.papers = papers;
        this.access = access;
    }

    /** Fired inside the consumer's transaction; only a committed score reaches the browsers. */
    void onScored(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaperScored score) {
        scored.onNext(score);
    }

    public record PaperEvent(String id, String team, String priority, int score, String title) {
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        TeamScope scope = access.scope();
        return scored.select().where(s -> scope.allows(s.team())).map(s -> sse.newEventBuilder().name("paper").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(PaperEvent.class, new PaperEvent(s.id(), s.team(), s.priority().name(), s.score(),
                        papers.find(s.id()).map(StoredPaper::title).orElse(s.id())))
                .build());
    }
}
