package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** OIDC sign-in is off by default: no provider button, and its path signs nobody in. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class OidcSignInOffTest {

    @Test
    void theSignInPageShowsOnlyTheTokenForm() {
        given().get("/sign-in").then().statusCode(200)
                .body(allOf(containsString("name=\"token\""), not(containsString("/sign-in/oidc")),
                        not(containsString("Sign in with"))));
    }

    @Test
    void theProviderPathAndItsCallbackAreNotOpen() {
        given().redirects().follow(false).get("/sign-in/oidc").then().statusCode(404);
        given().redirects().follow(false).queryParam("code", "a-code").queryParam("state", "a-state")
                .get("/sign-in/oidc").then().statusCode(404);
        given().redirects().follow(false).cookie(SignIn.COOKIE, "not-a-session").get("/sign-in/oidc").then()
                .statusCode(404);
    }
}
