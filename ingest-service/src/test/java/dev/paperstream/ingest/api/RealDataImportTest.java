package dev.paperstream.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.ingest.feed.RealData;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every real arXiv API page in ../shared/realdata/A-arxiv-api goes through the endpoint: all entries
 * are accepted once, a paper that appears on several pages is a duplicate the second time, and every
 * accepted paper reaches Kafka.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class RealDataImportTest {
    private static final Pattern VERSIONED_ID = Pattern.compile("<id>\\s*https?://arxiv\\.org/abs/(.+?v\\d+)\\s*</id>");

    @Test
    void everyRealApiPageImportsWithoutRejectionsAndEachVersionOnce() throws IOException {
        List<Path> files = RealData.files("A-arxiv-api", ".xml");
        assertThat(files).hasSizeGreaterThan(20);
        Set<String> versionsSeen = new HashSet<>();
        Set<String> idsAccepted = new HashSet<>();
        for (Path file : files) {
            byte[] body = Files.readAllBytes(file);
            List<String> versions = versionedIds(new String(body, StandardCharsets.UTF_8));
            long fresh = versions.stream().filter(v -> !versionsSeen.contains(v)).distinct().count();
            JsonPath answer = given().header("Authorization", "Bearer test-editor-token")
                    .contentType("application/atom+xml").body(body)
                    .when().post("/api/imports")
                    .then().statusCode(200).extract().jsonPath();
            String name = file.getFileName().toString();
            assertThat(answer.getList("rejected")).as(name).isEmpty();
            assertThat(answer.getInt("accepted")).as(name).isEqualTo((int) fresh);
            assertThat(answer.getInt("accepted") + answer.getInt("duplicates")).as(name).isEqualTo(versions.size());
            versionsSeen.addAll(versions);
            idsAccepted.addAll(answer.getList("ids", String.class));
        }
        try (DiscoveredTopic topic = new DiscoveredTopic()) {
            topic.awaitKeys(idsAccepted);
        }
    }

    private static List<String> versionedIds(String xml) {
        Matcher m = VERSIONED_ID.matcher(xml);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
