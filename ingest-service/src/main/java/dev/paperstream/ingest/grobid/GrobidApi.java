package dev.paperstream.ingest.grobid;

import dev.paperstream.support.net.RetryAfterBackoff;
import dev.paperstream.support.net.ServerBusyException;
import dev.paperstream.support.net.ServerBusyMapper;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.PartFilename;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;

/**
 * GROBID's REST API (its address is {@code paperstream.grobid.url}, see application.properties). A 503 means
 * GROBID's own pool is full: wait what its Retry-After says, else 2 s doubling, and try again; anything else is
 * answered at once. The circuit opens when GROBID is unreachable, busy or slow for most of the last documents,
 * so that PDFs go straight to the embedded parser for a minute instead of waiting on it.
 * The settings below are defaults; {@code quarkus.fault-tolerance."dev.paperstream.ingest.grobid.GrobidApi/<method>".*}
 * overrides them (ingest-service/README.md).
 */
@RegisterRestClient(configKey = "grobid")
@RegisterProvider(ServerBusyMapper.class)
@Path("/api")
public interface GrobidApi {

    @POST
    @Path("/processFulltextDocument")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_XML)
    @Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 0, maxDuration = 15,
            durationUnit = ChronoUnit.MINUTES, retryOn = ServerBusyException.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 180, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
            failOn = {ServerBusyException.class, ProcessingException.class, TimeoutException.class})
    byte[] processFulltextDocument(@RestForm("input") @PartType("application/pdf") @PartFilename("paper.pdf") byte[] pdf,
            @RestForm("consolidateHeader") String consolidateHeader);

    @POST
    @Path("/processHeaderDocument")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_XML)
    @Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 0, maxDuration = 15,
            durationUnit = ChronoUnit.MINUTES, retryOn = ServerBusyException.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    byte[] processHeaderDocument(@RestForm("input") @PartType("application/pdf") @PartFilename("paper.pdf") byte[] pdf,
            @RestForm("consolidateHeader") String consolidateHeader);
}
