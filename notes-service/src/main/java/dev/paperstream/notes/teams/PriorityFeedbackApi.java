package dev.paperstream.notes.teams;

import dev.paperstream.support.net.RetryAfterBackoff;
import dev.paperstream.support.net.ServerBusyException;
import dev.paperstream.support.net.ServerBusyMapper;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The priority service's feedback, model and correction API, and its related papers ({@code paperstream.priority.url}).
 * A vote and a
 * correction are idempotent in priority (a person's latest vote per paper and team wins; the same correction
 * again changes nothing), so they are also retried when priority cannot be reached at all (a restart): 3 more
 * tries after 0.5 s doubling (or a busy priority's Retry-After), each try 5 s at most. A priority that keeps
 * failing is not asked for 30 s. Overrides:
 * {@code quarkus.fault-tolerance."dev.paperstream.notes.teams.PriorityFeedbackApi/<method>".*}.
 */
@RegisterRestClient(configKey = "priority")
@RegisterProvider(ServerBusyMapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface PriorityFeedbackApi {

    @POST
    @Path("/api/teams/{team}/profile/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 3, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 0,
            retryOn = {ServerBusyException.class, ProcessingException.class})
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {ServerBusyException.class, ProcessingException.class, TimeoutException.class})
    Response vote(@PathParam("team") String team, @HeaderParam("Authorization") String authorization, String voteJson);

    @POST
    @Path("/api/papers/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 3, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 0,
            retryOn = {ServerBusyException.class, ProcessingException.class})
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {ServerBusyException.class, ProcessingException.class, TimeoutException.class})
    Response correct(@PathParam("id") String paperId, @HeaderParam("Authorization") String authorization,
            String correctionJson);

    /** {@code authorization} null is left out. */
    @GET
    @Path("/api/teams/{team}/profile/model")
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 0, retryOn = ServerBusyException.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {ServerBusyException.class, ProcessingException.class, TimeoutException.class})
    Response model(@PathParam("team") String team, @HeaderParam("Authorization") String authorization);

    /** The {@code k} papers nearest in meaning among the team's (null: priority's default team) and its seeds. */
    @GET
    @Path("/api/papers/{id}/related")
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 0, retryOn = ServerBusyException.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {ServerBusyException.class, ProcessingException.class, TimeoutException.class})
    Response related(@PathParam("id") String paperId, @QueryParam("team") String team, @QueryParam("k") int k,
            @HeaderParam("Authorization") String authorization);
}
