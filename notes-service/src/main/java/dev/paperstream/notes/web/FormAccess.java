package dev.paperstream.notes.web;

import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Who may post a page's form: a visitor who is not signed in is sent to sign in, one without the role gets a 403. */
final class FormAccess {
    private FormAccess() {
    }

    /** The answer that refuses the form, or null when {@code identity} may post it. */
    static Response denied(SecurityIdentity identity, String role) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/sign-in")).build();
        }
        if (!identity.hasRole(role)) {
            throw new ProblemException(403, "Forbidden", "this change needs the " + role + " role");
        }
        return null;
    }
}
