package dev.paperstream.notes.web;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A web session's id as the cookie carried it. */
public class SessionRequest extends BaseAuthenticationRequest {
    private final String sessionId;

    public SessionRequest(String sessionId) {
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }
}
