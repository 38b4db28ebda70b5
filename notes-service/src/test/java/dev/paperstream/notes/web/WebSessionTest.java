package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.support.auth.Secrets;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class WebSessionTest {
    private static final String EDITOR = "test-editor-token-long-enough";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void signingInStartsAServerSideSessionWhoseCookieIsNotTheToken() throws Exception {
        Response signedIn = SignIn.form(EDITOR);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String cookie = signedIn.getCookie(SignIn.COOKIE);
        assertThat(cookie).hasSize(43).doesNotContain(EDITOR);
        assertThat(signedIn.headers().getValues("Set-Cookie")).filteredOn(c -> c.startsWith(SignIn.COOKIE + "="))
                .singleElement().satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax", "Max-Age=604800")
                        .doesNotContain("Secure"));

        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id_hash, principal, roles, sealed_token FROM web_session WHERE id_hash = ?")) {
            ps.setString(1, Secrets.sha256Hex(cookie));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a session row keyed by the cookie's digest").isTrue();
                assertThat(rs.getString("principal")).isEqualTo("editor-1");
                assertThat(rs.getString("roles")).isEqualTo("editor,viewer");
                assertThat(new String(rs.getBytes("sealed_token"), StandardCharsets.ISO_8859_1)).doesNotContain(EDITOR);
            }
        }
        given().cookie(SignIn.COOKIE, cookie).get("/api/notifications").then().statusCode(200);
    }

    @Test
    void overHttpsBehindAProxyTheCookieIsSecure() {
        String csrf = given().get("/sign-in").getCookie("csrf-token");
        Response signedIn = given().header("X-Forwarded-Proto", "https").cookie("csrf-token", csrf)
                .formParam("csrf-token", csrf).formParam("token", EDITOR).redirects().follow(false).post("/sign-in");
        assertThat(signedIn.headers().getValues("Set-Cookie")).filteredOn(c -> c.startsWith(SignIn.COOKIE + "="))
                .singleElement().satisfies(c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Lax"));
    }

    @Test
    void aWrongTokenIsRefusedAndTheTokenItselfIsNotACookie() {
        assertThat(SignIn.form("a-wrong-token-that-is-long-enough").statusCode()).isEqualTo(401);
        given().cookie(SignIn.COOKIE, EDITOR).get("/api/notifications").then().statusCode(401);
    }

    @Test
    void signingOutDeletesTheSession() {
        String cookie = SignIn.session(EDITOR);
        String csrf = given().cookie(SignIn.COOKIE, cookie).get("/sign-in").getCookie("csrf-token");
        Response out = given().cookie(SignIn.COOKIE, cookie).cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .redirects().follow(false).post("/sign-out");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith(SignIn.COOKIE + "=;")
                .contains("Max-Age=0"));
        assertThat(sessionRows(cookie)).isZero();
        given().cookie(SignIn.COOKIE, cookie).get("/api/notifications").then().statusCode(401);
    }

    @Test
    void aSessionEndsWhenIdleTooLongOrPastItsAbsoluteExpiry() throws Exception {
        String idle = SignIn.session(EDITOR);
        String old = SignIn.session(EDITOR);
        given().cookie(SignIn.COOKIE, idle).get("/api/notifications").then().statusCode(200);
        update("UPDATE web_session SET last_seen_at = now() - interval '8 hours 1 minute' WHERE id_hash = ?", idle);
        update("UPDATE web_session SET expires_at = now() - interval '1 second' WHERE id_hash = ?", old);
        given().cookie(SignIn.COOKIE, idle).get("/api/notifications").then().statusCode(401);
        given().cookie(SignIn.COOKIE, old).get("/api/notifications").then().statusCode(401);
    }

    private void update(String sql, String cookie) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Secrets.sha256Hex(cookie));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private int sessionRows(String cookie) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM web_session WHERE id_hash = ?")) {
            ps.setString(1, Secrets.sha256Hex(cookie));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
