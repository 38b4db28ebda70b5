package dev.paperstream.priority.citations;

import dev.paperstream.priority.citations.CitationProvider.ProviderUnavailable;
import dev.paperstream.support.net.OutboundUrls;
import dev.paperstream.support.net.ServerBusyException;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * One call to a provider's REST Client, its failures told as {@link ProviderUnavailable} with the provider's name.
 * The address is checked with {@link OutboundUrls} first; redirects are not followed (the clients' default), so
 * the checked address is the only one called.
 */
final class ProviderCalls {
    private ProviderCalls() {
    }

    static String body(String provider, URI base, OutboundUrls outbound, Supplier<Response> call) {
        try {
            outbound.check(base);
        } catch (OutboundUrls.Refused e) {
            throw new ProviderUnavailable(provider + " is not called: " + e.getMessage(), e);
        }
        try (Response response = call.get()) {
            int status = response.getStatus();
            if (status != 200) {
                throw new ProviderUnavailable(provider + " answered " + status
                        + (status / 100 == 3 ? " (redirects are not followed)" : ""), null);
            }
            return response.readEntity(String.class);
        } catch (ServerBusyException e) {
            throw new ProviderUnavailable(provider + " " + e.getMessage() + ", and still after its retries", e);
        } catch (RateLimitException e) {
            throw new ProviderUnavailable(provider + " was asked too often by this instance; its rate limit held", e);
        } catch (CircuitBreakerOpenException e) {
            throw new ProviderUnavailable(provider + " failed for most recent requests; not asked for a while", e);
        } catch (TimeoutException e) {
            throw new ProviderUnavailable(provider + " did not answer in time", e);
        } catch (WebApplicationException e) {
            throw new ProviderUnavailable(provider + " answered " + e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw new ProviderUnavailable(provider + " unreachable: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
