package dev.paperstream.ingest.api;

import dev.paperstream.ingest.store.Subscription;
import dev.paperstream.ingest.store.SubscriptionRepository;
import dev.paperstream.ingest.subscription.SubscriptionPoller;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** {@code /api/subscriptions}: the categories and queries each team follows, their harvest state, poll now. */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {
    private static final String CATEGORY = "[a-z-]+(\\.[A-Za-z-]+)?";

    private final SubscriptionRepository subscriptions;
    private final SubscriptionPoller poller;

    public SubscriptionResource(SubscriptionRepository subscriptions, SubscriptionPoller poller) {
        this.subscriptions = subscriptions;
        this.poller = poller;
    }

    public record NewSubscription(
            @NotBlank @Size(max = 100) String team,
            @NotNull Subscription.Kind kind,
            @NotBlank @Size(max = 1000) String value) {
    }

    @GET
    public List<SubscriptionView> list() {
        return subscriptions.all().stream().map(SubscriptionView::of).toList();
    }

    @GET
    @Path("/{id}")
    public SubscriptionView get(@PathParam("id") long id) {
        return subscriptions.find(id).map(SubscriptionView::of)
                .orElseThrow(() -> ProblemException.notFound("no subscription " + id));
    }

    @POST
    @RolesAllowed("editor")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Valid @NotNull NewSubscription body) {
        String value = body.value().trim();
        if (body.kind() == Subscription.Kind.category && !value.matches(CATEGORY)) {
            throw ProblemException.badRequest("'" + value + "' is not an arXiv category such as cs.LG or hep-th");
        }
        Subscription s = subscriptions.add(body.team().trim(), body.kind(), value);
        return Response.created(URI.create("/api/subscriptions/" + s.id)).entity(SubscriptionView.of(s)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("editor")
    public void delete(@PathParam("id") long id) {
        if (!subscriptions.delete(id)) {
            throw ProblemException.notFound("no subscription " + id);
        }
    }

    @POST
    @Path("/poll")
    @RolesAllowed("editor")
    public List<SubscriptionPoller.Outcome> pollNow() {
        return poller.pollAll();
    }
}
