package dev.paperstream.support.net;

import dev.paperstream.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one guard for URLs this service calls out to (webhooks, GROBID, citation providers), against
 * server-side request forgery: only http and https, and never an address inside the network
 * ({@link InternalAddresses}: loopback, link-local with the cloud metadata service, private, carrier-grade NAT,
 * multicast, and their IPv6 forms) unless {@code paperstream.outbound.allow} names the host or a range it is in.
 * The host is resolved and every address it resolves to is checked, so a public name pointing inside is
 * refused too. Callers check when a URL is stored and again before each request, so that a DNS record changed
 * since is caught; what it cannot catch is a name that answers differently within the same second
 * (DNS rebinding), which only a network policy on egress closes. Errors name the host, never the URL: a
 * webhook URL is a credential.
 */
@Singleton
public class OutboundUrls {
    private static final String SETTING = "paperstream.outbound.allow";

    private final List<String> allowedHosts = new ArrayList<>();
    private final List<String> allowedDomains = new ArrayList<>();
    private final List<Cidr> allowedRanges = new ArrayList<>();

    @Inject
    public OutboundUrls(OutboundConfig config) {
        this(config.allow().orElse(List.of()));
    }

    /** A guard that allows these host names ({@code *.example.org} for a whole domain), addresses and CIDR ranges. */
    public OutboundUrls(List<String> allow) {
        for (String raw : allow) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            try {
                if (entry.startsWith("*.")) {
                    allowedDomains.add(entry.substring(1));
                } else if (entry.contains("/") || IpLiterals.isLiteral(entry)) {
                    allowedRanges.add(Cidr.parse(entry));
                } else {
                    allowedHosts.add(withoutTrailingDot(entry));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(SETTING + ": " + e.getMessage());
            }
        }
    }

    /** Thrown for a URL that must not be called; a 400 problem when it reaches an API caller. */
    public static class Refused extends ProblemException {
        public Refused(String detail) {
            super(400, "Bad Request", detail);
        }
    }

    /** The URL when it may be called; throws {@link Refused} naming the host and the reason otherwise. */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            // URI's own message quotes the whole URL, which may be a credential
            throw new Refused("the outgoing URL cannot be read");
        }
        return check(uri);
    }

    public URI check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("outgoing requests use http or https, not " + (scheme.isEmpty() ? "a URL without a scheme"
                    : "'" + scheme + "'"));
        }
        if (uri.getHost() == null) {
            throw new Refused("the outgoing URL names no host that can be read");
        }
        String host = withoutTrailingDot(IpLiterals.unbracketed(uri.getHost()).toLowerCase(Locale.ROOT));
        if (allowedHosts.contains(host) || allowedDomains.stream().anyMatch(host::endsWith)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            // nothing to connect to: the request itself fails with "cannot reach", which says more
            return uri;
        }
        for (InetAddress address : addresses) {
            byte[] bytes = address.getAddress();
            if (allowed(bytes)) {
                continue;
            }
            String internal = InternalAddresses.describe(bytes);
            if (internal != null) {
                String where = IpLiterals.isLiteral(host) ? host + " is " + internal
                        : host + " resolves to " + InternalAddresses.text(bytes) + ", " + internal;
                throw new Refused("outgoing request to " + host + " refused: " + where
                        + "; an admin can allow it with " + SETTING);
            }
        }
        return uri;
    }

    private boolean allowed(byte[] address) {
        byte[] effective = InternalAddresses.effective(address);
        return allowedRanges.stream().anyMatch(r -> r.contains(address) || r.contains(effective));
    }

    private static String withoutTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
