package dev.paperstream.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlayManifestsAreValidTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyBuiltInDocumentOfTheOverlayIsAValidKubernetesObject(String overlay) {
        ManifestValidator validator = new ManifestValidator(null);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Map<String, Object> doc : Repo.overlay(overlay)) {
            if (ManifestValidator.builtInModel((String) doc.get("apiVersion"), (String) doc.get("kind")) != null) {
                List<String> p = validator.problems(doc);
                if (!p.isEmpty()) {
                    problems.put(doc.get("kind") + "/" + Yaml.at(doc, "metadata.name"), p);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOperatorDocumentOfTheOverlayMatchesItsCrd(String overlay) {
        assumeTrue(Repo.crdsPresent(), "the operators' CRDs are not at " + Repo.CRDS);
        ManifestValidator validator = new ManifestValidator(Repo.crds());
        Map<String, List<String>> problems = new LinkedHashMap<>();
        int custom = 0;
        for (Map<String, Object> doc : Repo.overlay(overlay)) {
            if (ManifestValidator.builtInModel((String) doc.get("apiVersion"), (String) doc.get("kind")) == null) {
                custom++;
                List<String> p = validator.problems(doc);
                if (!p.isEmpty()) {
                    problems.put(doc.get("kind") + "/" + Yaml.at(doc, "metadata.name"), p);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(custom).isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOverlayHoldsThePlatformAndEveryServiceInItsNamespace(String overlay) {
        List<Map<String, Object>> docs = Repo.overlay(overlay);
        Map<String, Long> kinds = docs.stream().collect(Collectors.groupingBy(d -> (String) d.get("kind"), Collectors.counting()));
        assertThat(kinds).containsEntry("Kafka", 1L).containsEntry("KafkaNodePool", 1L).containsEntry("KafkaTopic", 13L)
                .containsEntry("KafkaUser", 4L).containsEntry("Cluster", 1L).containsEntry("ScheduledBackup", 1L)
                .containsEntry("Deployment", 5L).containsEntry("Service", 5L).containsEntry("PodDisruptionBudget", 5L)
                .containsEntry("NetworkPolicy", 5L).containsEntry("ServiceMonitor", 4L).containsEntry("ScaledObject", 4L)
                .containsEntry("TriggerAuthentication", 4L).containsEntry("PodMonitor", 1L);
        String namespace = overlay.equals("prod") ? "paperstream" : "paperstream-dev";
        assertThat(docs).allSatisfy(d -> assertThat((String) Yaml.at(d, "metadata.namespace")).isEqualTo(namespace));
    }

    @Test
    void theExamplesOutsideTheOverlaysAreValidToo() throws IOException {
        assumeTrue(Repo.crdsPresent(), "the operators' CRDs are not at " + Repo.CRDS);
        ManifestValidator validator = new ManifestValidator(Repo.crds());
        try (Stream<java.nio.file.Path> files = Files.list(Repo.K8S.resolve("examples"))) {
            List<java.nio.file.Path> examples = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(examples).isNotEmpty();
            for (java.nio.file.Path f : examples) {
                for (Map<String, Object> doc : Yaml.documents(f)) {
                    assertThat(validator.problems(doc)).as(f.toString()).isEmpty();
                }
            }
        }
    }

    @Test
    void noSecretValueIsCommittedAndNoOverlayRendersASecret() throws IOException {
        for (String overlay : Repo.OVERLAYS) {
            assertThat(Repo.ofKind(Repo.overlay(overlay), "Secret")).as(overlay).isEmpty();
        }
        try (Stream<java.nio.file.Path> files = Files.walk(Repo.K8S)) {
            for (java.nio.file.Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("stringData").doesNotContain("kind: Secret")
                        .doesNotContain("change-me");
            }
        }
    }
}
