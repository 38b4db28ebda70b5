package dev.paperstream.priority.citations;

import dev.paperstream.support.net.RetryAfterBackoff;
import dev.paperstream.support.net.ServerBusyException;
import dev.paperstream.support.net.ServerBusyMapper;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RateLimit;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Semantic Scholar Graph API ({@code paperstream.citations.s2-url}). One request a second, the rate Semantic
 * Scholar grants an API key (our own limit; a call over it waits its turn through the retry); 429 and 502-504
 * are retried after the server's Retry-After, else 1 s doubling. Overrides:
 * {@code quarkus.fault-tolerance."dev.paperstream.priority.citations.SemanticScholarApi/batch".*} (README).
 */
@RegisterRestClient(configKey = "semantic-scholar")
@RegisterProvider(ServerBusyMapper.class)
@Path("/paper")
public interface SemanticScholarApi {

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimit(value = 1, window = 1000, windowUnit = ChronoUnit.MILLIS, type = RateLimitType.SMOOTH)
    @Retry(maxRetries = 3, delay = 1000, delayUnit = ChronoUnit.MILLIS, jitter = 0,
            retryOn = {ServerBusyException.class, RateLimitException.class})
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.MINUTES,
            failOn = {ServerBusyException.class, ProcessingException.class, TimeoutException.class})
    Response batch(@QueryParam("fields") String fields, @HeaderParam("x-api-key") String apiKey,
            Map<String, List<String>> ids);
}
