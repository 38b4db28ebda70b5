package dev.paperstream.notes.teams;

import dev.paperstream.support.net.RetryAfterBackoff;
import dev.paperstream.support.net.ServerBusyException;
import dev.paperstream.support.net.ServerBusyMapper;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
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
 * The priority service's profile API ({@code paperstream.priority.url}). A person waits on the team page, so a
 * try gets 5 s and a busy priority (429, 502-504) is asked twice more, after its Retry-After or 0.5 s doubling;
 * the PUT replaces the whole profile, so sending it again is harmless. A priority that keeps failing is not
 * asked for 30 s. Overrides: {@code quarkus.fault-tolerance."dev.paperstream.notes.teams.PriorityProfileApi/<method>".*}.
 */
@RegisterRestClient(configKey = "priority")
@RegisterProvider(ServerBusyMapper.class)
@Path("/api/teams/{team}/profile")
@Produces(MediaType.APPLICATION_JSON)
public interface PriorityProfileApi {

    /** {@code authorization} null is left out. */
    @GET
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 0, retryOn = ServerBusyException.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {ServerBusyException.class, ProcessingException.class, TimeoutException.class})
    Response find(@PathParam("team") String team, @HeaderParam("Authorization") String authorization);

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 0, retryOn = ServerBusyException.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {ServerBusyException.class, ProcessingException.class, TimeoutException.class})
    Response save(@PathParam("team") String team, @HeaderParam("Authorization") String authorization, String profileJson);
}
