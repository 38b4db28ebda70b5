package dev.paperstream.priority.citations;

import dev.paperstream.support.net.RetryAfterBackoff;
import dev.paperstream.support.net.ServerBusyException;
import dev.paperstream.support.net.ServerBusyMapper;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RateLimit;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
 * OpenAlex works ({@code paperstream.citations.openalex-url}). OpenAlex allows 10 requests a second (and
 * 100,000 a day); 429 and 502-504 are retried after the server's Retry-After, else 1 s doubling. Overrides:
 * {@code quarkus.fault-tolerance."dev.paperstream.priority.citations.OpenAlexApi/works".*} (README).
 */
@RegisterRestClient(configKey = "openalex")
@RegisterProvider(ServerBusyMapper.class)
@Path("/works")
public interface OpenAlexApi {

    /** {@code mailto} null is left out of the query. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimit(value = 10, window = 1000, windowUnit = ChronoUnit.MILLIS, type = RateLimitType.SMOOTH)
    @Retry(maxRetries = 3, delay = 1000, delayUnit = ChronoUnit.MILLIS, jitter = 0,
            retryOn = {ServerBusyException.class, RateLimitException.class})
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.MINUTES,
            failOn = {ServerBusyException.class, ProcessingException.class, TimeoutException.class})
    Response works(@QueryParam("filter") String filter, @QueryParam("select") String select,
            @QueryParam("per-page") int perPage, @QueryParam("mailto") String mailto);
}
