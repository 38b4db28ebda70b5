package dev.paperstream.notes.notify;

import dev.paperstream.support.net.OutboundUrls;
import dev.paperstream.support.problem.ProblemException;
import java.net.URI;
import java.util.regex.Pattern;

/** What a channel must look like before it is stored: the API and the team page share these rules. */
public final class ChannelRules {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private ChannelRules() {
    }

    /** Throws a 400 problem naming what is wrong with the channel. */
    public static void check(Channel c) {
        if (c == null || c.kind() == null || c.target() == null) {
            throw ProblemException.badRequest("every channel needs a kind and a target");
        }
        switch (c.kind()) {
            case Channel.SLACK, Channel.WEBHOOK -> {
                URI uri;
                try {
                    uri = URI.create(c.target());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("'" + c.target() + "' is not a URL");
                }
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw ProblemException.badRequest(c.kind() + " target must be an http(s) URL, got " + c.target());
                }
                if (Channel.WEBHOOK.equals(c.kind()) && (c.secret() == null || c.secret().length() < 16)) {
                    throw ProblemException.badRequest("a webhook needs a secret of at least 16 characters to sign with");
                }
            }
            case Channel.EMAIL -> {
                if (!EMAIL.matcher(c.target()).matches()) {
                    throw ProblemException.badRequest("'" + c.target() + "' is not an e-mail address");
                }
            }
            default -> throw ProblemException.badRequest("unknown channel kind '" + c.kind() + "' (slack, webhook, email)");
        }
    }

    /** {@link #check(Channel)}, and a URL target must not point inside the network unless an admin allowed it. */
    public static void check(Channel c, OutboundUrls outbound) {
        check(c);
        if (!Channel.EMAIL.equals(c.kind())) {
            outbound.check(c.target());
        }
    }
}
