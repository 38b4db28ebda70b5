package dev.paperstream.support.net;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * What outgoing requests (webhooks, GROBID, citation providers) may reach besides the public internet:
 * {@code paperstream.outbound.allow} ({@code PAPERSTREAM_OUTBOUND_ALLOW}), comma-separated host names
 * ({@code grobid}, {@code *.corp.example}), IP addresses and CIDR ranges ({@code 10.1.0.0/16}). Unset in
 * production: loopback, link-local, private and other internal addresses are refused. The test and dev
 * profiles and the local launcher allow loopback.
 */
@ConfigMapping(prefix = "paperstream.outbound")
public interface OutboundConfig {
    Optional<List<String>> allow();
}
