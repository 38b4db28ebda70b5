package dev.paperstream.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DashboardTest {
    private static final Pattern PAPERSTREAM_METRIC = Pattern.compile("paperstream_([a-z_]+?)(_total)?\\{");

    @Test
    void theDashboardShipsAsAGrafanaSidecarConfigMapInEveryOverlay() throws IOException {
        String json = Files.readString(Repo.ROOT.resolve("deploy/grafana/paperstream-dashboard.json"));
        for (String overlay : Repo.OVERLAYS) {
            Map<String, Object> cm = Repo.named(Repo.overlay(overlay), "ConfigMap", "paperstream-grafana-dashboard");
            assertThat((Map<String, Object>) Yaml.at(cm, "metadata.labels")).containsEntry("grafana_dashboard", "1");
            assertThat((Map<String, Object>) cm.get("data")).containsEntry("paperstream-dashboard.json", json);
        }
        JsonNode dashboard = Yaml.JSON.readTree(json);
        assertThat(dashboard.path("uid").asText()).isEqualTo("paperstream");
        List<String> titles = dashboard.path("panels").findValuesAsText("title");
        assertThat(String.join("|", titles)).contains("Triage throughput").contains("lag").contains("Outbox backlog")
                .contains("Benchmark jobs").contains("GPU");
    }

    @Test
    void everyPaperstreamMetricOnTheDashboardIsOneTheServicesRegister() throws IOException {
        String json = Files.readString(Repo.ROOT.resolve("deploy/grafana/paperstream-dashboard.json"));
        Set<String> onDashboard = new TreeSet<>();
        Matcher m = PAPERSTREAM_METRIC.matcher(json);
        while (m.find()) {
            // Micrometer's Prometheus names: dots become underscores, counters get _total
            onDashboard.add("paperstream." + m.group(1).replace('_', '.'));
        }
        assertThat(onDashboard).contains("paperstream.priority.published", "paperstream.outbox.backlog",
                "paperstream.kernel.jobs", "paperstream.kernel.results");
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(Repo.ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                code.append(Files.readString(f));
            }
        }
        assertThat(onDashboard).allSatisfy(name -> assertThat(code).contains("\"" + name + "\""));
    }
}
