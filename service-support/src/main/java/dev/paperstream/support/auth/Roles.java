package dev.paperstream.support.auth;

import java.util.Set;

/** The three roles. A higher role includes the lower ones. */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }

    public static boolean isRole(String name) {
        return ADMIN.equals(name) || EDITOR.equals(name) || VIEWER.equals(name);
    }

    static Set<String> including(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, EDITOR, VIEWER);
            case EDITOR -> Set.of(EDITOR, VIEWER);
            case VIEWER -> Set.of(VIEWER);
            default -> throw new IllegalArgumentException("unknown role '" + role + "' (viewer, editor or admin)");
        };
    }
}
