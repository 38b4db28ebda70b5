package dev.paperstream.notes.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A channel's URL must not point inside the network (SSRF): the cloud metadata service and private ranges are
 * refused with a problem naming the host and why, unless an admin allowed the range, here 10.0.0.0/8.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@TestProfile(ChannelTargetsTest.TenSlashEightAllowed.class)
class ChannelTargetsTest {
    private static final String ADMIN = "Bearer test-admin-token-long-enough";

    public static class TenSlashEightAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperstream.outbound.allow", "127.0.0.0/8,::1,localhost,10.0.0.0/8");
        }
    }

    private static ValidatableResponse put(String team, String kind, String target) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(List.of(Map.of("kind", kind, "target", target)))
                .put("/api/teams/" + team + "/channels").then();
    }

    @Test
    void aWebhookToTheCloudMetadataServiceIsRefusedWithAProblem() {
        put("ssrf-a", "webhook", "http://169.254.169.254/latest/meta-data/iam/").statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("outgoing request to 169.254.169.254 refused: 169.254.169.254 is a link-local"
                        + " address (the cloud metadata service answers at 169.254.169.254) (169.254.0.0/16);"
                        + " an admin can allow it with paperstream.outbound.allow"));
        given().header("Authorization", ADMIN).get("/api/teams/ssrf-a/channels").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aSlackUrlInAPrivateRangeIsRefusedWithoutShowingTheUrl() {
        put("ssrf-b", "slack", "https://192.168.1.10/services/T000/B000/XXXXSECRET").statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("outgoing request to 192.168.1.10 refused: 192.168.1.10 is a private"
                        + " address (192.168.0.0/16)"))
                .body("detail", not(containsString("XXXXSECRET")));
        put("ssrf-b", "webhook", "http://[::ffff:172.16.0.5]/hook").statusCode(400)
                .body("detail", containsString("a private address (172.16.0.0/12)"));
    }

    @Test
    void anAllowedPrivateRangeIsAccepted() {
        put("ssrf-c", "webhook", "http://10.0.0.1:8080/hook").statusCode(200)
                .body("[0].target", equalTo("http://10.0.0.1:8080/…"));
    }
}
