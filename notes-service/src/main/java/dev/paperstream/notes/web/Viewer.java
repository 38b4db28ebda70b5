package dev.paperstream.notes.web;

import dev.paperstream.support.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Who looks at a page: anonymous, or a signed-in token's name and what it may change. */
public record Viewer(String name, boolean signedIn, boolean canEdit, boolean canAdminister) {

    public static Viewer of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Viewer(null, false, false, false);
        }
        return new Viewer(identity.getPrincipal().getName(), true, identity.hasRole(Roles.EDITOR),
                identity.hasRole(Roles.ADMIN));
    }
}
