package dev.paperstream.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Posts a web UI form as a signed-in person does: signs in once through the sign-in form for a session cookie,
 * and sends the CSRF token the page handed out.
 */
final class TeamPageForm {
    private static final Pattern CSRF_COOKIE = Pattern.compile("csrf-token=([^;]+)");
    private static final Pattern SESSION_COOKIE = Pattern.compile("paperstream_session=([^;]+)");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String notesUrl;
    private final String token;
    private String session;

    TeamPageForm(String notesUrl, String token) {
        this.notesUrl = notesUrl;
        this.token = token;
    }

    /** The page's HTML. */
    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(notesUrl + path))
                .header("Cookie", "paperstream_session=" + session()).GET().build());
    }

    private String session() {
        if (session == null) {
            HttpResponse<String> signIn = postForm("/sign-in", "/sign-in", Map.of("token", token), "");
            Matcher cookie = SESSION_COOKIE.matcher(String.join(";", signIn.headers().allValues("Set-Cookie")));
            if (signIn.statusCode() != 303 || !cookie.find()) {
                throw new IllegalStateException("signing in answered " + signIn.statusCode());
            }
            session = cookie.group(1);
        }
        return session;
    }

    HttpResponse<String> post(String pagePath, String formPath, Map<String, String> fields) {
        return postForm(pagePath, formPath, fields, "paperstream_session=" + session() + "; ");
    }

    private HttpResponse<String> postForm(String pagePath, String formPath, Map<String, String> fields,
            String sessionCookie) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(notesUrl + pagePath))
                .header("Cookie", sessionCookie.isEmpty() ? "none=1" : sessionCookie).GET().build());
        Matcher csrf = CSRF_COOKIE.matcher(String.join(";", page.headers().allValues("Set-Cookie")));
        if (!csrf.find()) {
            throw new IllegalStateException(pagePath + " handed out no CSRF token");
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("csrf-token", csrf.group(1));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(notesUrl + formPath))
                .header("Cookie", sessionCookie + "csrf-token=" + csrf.group(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
