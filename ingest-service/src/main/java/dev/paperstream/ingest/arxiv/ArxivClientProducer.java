package dev.paperstream.ingest.arxiv;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The application's single limiter and client; tests build more instances to prove they coordinate. */
@ApplicationScoped
public class ArxivClientProducer {
    private static final Logger LOG = Logger.getLogger(ArxivClientProducer.class);

    @Produces
    @ApplicationScoped
    ArxivRateLimiter limiter(AgroalDataSource dataSource, ArxivConfig config) {
        if (!config.effectiveInterval().equals(config.minInterval())) {
            LOG.warnf("paperstream.arxiv.min-interval=%s is below arXiv's 3 s; using %s", config.minInterval(),
                    config.effectiveInterval());
        }
        return new ArxivRateLimiter(dataSource, config.effectiveInterval());
    }

    @Produces
    @ApplicationScoped
    ArxivClient client(ArxivRateLimiter limiter, ArxivConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        if (ArxivContact.of(config).isEmpty()) {
            LOG.warn(ArxivContact.MISSING + config.contact().map(c -> " ('" + c + "' is not an address that"
                    + " reaches anybody)").orElse(""));
        }
        return new ArxivClient(limiter, config, ArxivContact.userAgent(version, ArxivContact.of(config)));
    }
}
