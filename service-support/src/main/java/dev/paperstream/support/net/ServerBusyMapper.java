package dev.paperstream.support.net;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Register on a REST Client ({@code @RegisterProvider(ServerBusyMapper.class)}) so that 429, 502, 503 and 504
 * become {@link ServerBusyException} with the server's Retry-After, which {@code @Retry(retryOn =
 * ServerBusyException.class)} with {@code @CustomBackoff(RetryAfterBackoff.class)} waits out. Other errors keep
 * the client's default mapping (a {@code WebApplicationException}), so a 500 or 404 is not retried.
 */
public class ServerBusyMapper implements ResponseExceptionMapper<ServerBusyException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return ServerBusyException.isBusy(status);
    }

    @Override
    public ServerBusyException toThrowable(Response response) {
        var retryAfter = RetryAfter.parse(response.getHeaderString("Retry-After"));
        int status = response.getStatus();
        return new ServerBusyException(status, retryAfter, "answered " + status
                + retryAfter.map(d -> " (Retry-After " + d.toSeconds() + " s)").orElse(""));
    }

    /** Runs before the client's default mapper (priority 5000), which would make a plain WebApplicationException. */
    @Override
    public int getPriority() {
        return 100;
    }
}
