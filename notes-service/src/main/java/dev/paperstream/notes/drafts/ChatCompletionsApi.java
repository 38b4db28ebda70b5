package dev.paperstream.notes.drafts;

import dev.paperstream.support.net.RetryAfterBackoff;
import dev.paperstream.support.net.ServerBusyException;
import dev.paperstream.support.net.ServerBusyMapper;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The chat completions API that OpenAI, vLLM, Ollama and most providers share; the base URL is the team's
 * endpoint, given per call. A busy endpoint (429, 502-504) is asked twice more after its Retry-After; one that
 * keeps failing is left alone for a minute. A try's time-out is {@code paperstream.drafts.timeout}, applied
 * through {@code quarkus.fault-tolerance."dev.paperstream.notes.drafts.ChatCompletionsApi/complete".timeout.value}.
 */
@RegisterRestClient(configKey = "chat-completions")
@RegisterProvider(ServerBusyMapper.class)
public interface ChatCompletionsApi {

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 2, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 0, retryOn = ServerBusyException.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 90, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 1.0, delay = 60, delayUnit = ChronoUnit.SECONDS,
            failOn = {ServerBusyException.class, ProcessingException.class, TimeoutException.class})
    ChatCompletion complete(@Url String baseUrl, @HeaderParam("Authorization") String authorization,
            ChatRequest request);
}
