package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Signs in through the local OIDC provider ({@code quarkus-test-oidc-server}) as a browser does: the button's
 * redirect to the provider, its login answering with a code, the callback that quarkus-oidc completes, and the page
 * that starts Paperstream's session. Every redirect is followed by hand, carrying the cookies set on the way.
 */
final class ProviderSignIn {
    static final String ISSUER = "https://server.example.com";
    static final String CLIENT_ID = "paperstream-web";

    private final Map<String, String> cookies = new HashMap<>();

    /** The provider answers the next code exchange with an ID token for {@code user} with these claims. */
    static void providerIssues(WireMockServer provider, String user, Collection<String> groups, Object teams) {
        var id = Jwt.preferredUserName(user).subject("sub-" + user).issuer(ISSUER).audience(CLIENT_ID)
                .claim("typ", "ID");
        if (groups != null) {
            id = id.groups(groups.stream().collect(java.util.stream.Collectors.toSet()));
        }
        if (teams != null) {
            id = id.claim("paperstream_teams", teams);
        }
        String idToken = id.jws().keyId("1").sign("privateKey.jwk");
        String accessToken = Jwt.preferredUserName(user).issuer(ISSUER).audience("https://service.example.com")
                .jws().keyId("1").sign("privateKey.jwk");
        provider.stubFor(WireMock.post("/auth/realms/quarkus/token")
                .withRequestBody(WireMock.containing("authorization_code"))
                .willReturn(WireMock.okJson("{\"id_token\": \"" + idToken + "\", \"access_token\": \"" + accessToken
                        + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
    }

    /** The last answer of the flow: {@code /sign-in/oidc} once quarkus-oidc has signed the person in. */
    Response signIn() {
        Response toProvider = get("/sign-in/oidc");
        expect(toProvider, 302);
        URI authorize = URI.create(toProvider.header("Location"));
        Map<String, String> query = query(authorize);
        // the provider's login form posts back to its /login, which redirects to the callback with a code
        Response login = given().redirects().follow(false).queryParam("state", query.get("state"))
                .queryParam("redirect_uri", query.get("redirect_uri"))
                .get(authorize.getScheme() + "://" + authorize.getAuthority() + "/login");
        expect(login, 302);
        Response callback = get(login.header("Location"));
        expect(callback, 302);
        return get(callback.header("Location"));
    }

    /** The value of a cookie the flow set and did not clear, or null. */
    String cookie(String name) {
        return cookies.get(name);
    }

    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    private Response get(String url) {
        Response response = given().cookies(cookies).redirects().follow(false).get(url);
        for (Cookie c : response.getDetailedCookies()) {
            if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        }
        return response;
    }

    private static void expect(Response response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": "
                    + response.headers() + "\n" + response.body().asString());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}
