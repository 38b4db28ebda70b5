package dev.paperstream.ingest.arxiv;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The operator's contact for arXiv ({@code paperstream.arxiv.contact}, {@code PAPERSTREAM_ARXIV_CONTACT}):
 * in the User-Agent when set, and required for scheduled polling. Addresses at the reserved example
 * and test domains (RFC 2606, RFC 6761) are refused like a missing one: they reach nobody.
 */
public final class ArxivContact {
    public static final String ENV = "PAPERSTREAM_ARXIV_CONTACT";
    /** The reason a scheduled poll or harvest does not run, in the log and in the health check. */
    public static final String MISSING = "no arXiv contact: set " + ENV
            + " (paperstream.arxiv.contact) to the e-mail address of whoever runs this service; arXiv asks"
            + " automated harvesters to identify themselves, so scheduled polling and harvesting stay off until"
            + " it is set (an admin may still poll or harvest on demand)";

    private static final Logger LOG = Logger.getLogger(ArxivContact.class);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s()<>;,]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");
    private static final Pattern RESERVED = Pattern.compile(
            "(?:.*\\.)?(?:example\\.(?:com|net|org)|example|invalid|test|localhost)");

    private ArxivContact() {
    }

    /** The configured address, if it is one that can reach a person. */
    public static Optional<String> of(ArxivConfig config) {
        return config.contact().map(String::trim).filter(ArxivContact::isUsable);
    }

    static boolean isUsable(String address) {
        return ADDRESS.matcher(address).matches()
                && !RESERVED.matcher(address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT)).matches();
    }

    /** {@code Paperstream/<version> (research paper triage; mailto:<contact>)}, or just the product without one. */
    public static String userAgent(String version, Optional<String> contact) {
        return "Paperstream/" + version + contact.map(c -> " (research paper triage; mailto:" + c + ")").orElse("");
    }

    /**
     * Whether a scheduled job ({@code job} names it in the log) may poll arXiv: only with a usable
     * contact; when not, says why in a warning. Called first thing by every scheduled poll.
     */
    public static boolean allowsScheduledPolling(ArxivConfig config, String job) {
        if (of(config).isPresent()) {
            return true;
        }
        LOG.warnf("%s does not run: %s%s", job, MISSING, config.contact().map(c -> " ('" + c
                + "' is not an address that reaches anybody)").orElse(""));
        return false;
    }
}
