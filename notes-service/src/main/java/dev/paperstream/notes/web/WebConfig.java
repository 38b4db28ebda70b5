package dev.paperstream.notes.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The web UI's sign-in: how long a session lasts, how many wrong tokens an address may try, and whether people may
 * also sign in through an OIDC provider.
 */
@ConfigMapping(prefix = "paperstream.web")
public interface WebConfig {
    /** A session unused this long is over (1 minute to 30 days). */
    @WithDefault("PT8H")
    Duration sessionIdleTimeout();

    /** A session is over this long after sign-in however busy it is (1 minute to 90 days). */
    @WithDefault("P7D")
    Duration sessionMaxAge();

    /** Wrong tokens one remote address may send per minute before sign-in answers 429 (1 to 1000). */
    @WithDefault("5")
    int signInFailuresPerMinute();

    /** Sign-in through an OIDC provider beside the token form (the provider itself: {@code quarkus.oidc.web.*}). */
    Oidc oidc();

    interface Oidc {
        /**
         * Shows "Sign in with ..." on the sign-in page and opens {@code /sign-in/oidc}; also switches the
         * {@code web} tenant of quarkus-oidc on (application.properties ties {@code quarkus.oidc.web.tenant-enabled}
         * to it).
         */
        @WithDefault("false")
        boolean enabled();

        /** The provider's name on the button: "Sign in with {name}". */
        @WithDefault("single sign-on")
        String providerName();
    }
}
