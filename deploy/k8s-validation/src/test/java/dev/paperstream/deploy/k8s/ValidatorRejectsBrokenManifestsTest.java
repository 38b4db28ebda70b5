package dev.paperstream.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator is only worth something if it refuses what the API server would refuse. */
class ValidatorRejectsBrokenManifestsTest {
    private static final String OVERLAY = "prod";

    private static Map<String, Object> fresh(String kind, String name) {
        return Yaml.copy(Repo.named(Repo.overlay(OVERLAY), kind, name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment) {
        return ((List<Map<String, Object>>) Yaml.at(deployment, "spec.template.spec.containers")).get(0);
    }

    @Test
    void aDeploymentWithAnUnknownContainerFieldIsRefused() {
        ManifestValidator validator = new ManifestValidator(null);
        Map<String, Object> deployment = fresh("Deployment", "ingest-service");
        assertThat(validator.problems(deployment)).isEmpty();

        container(deployment).put("readinessProbes", container(deployment).get("readinessProbe"));

        assertThat(validator.problems(deployment)).singleElement().asString()
                .contains("readinessProbes").contains("V1Container");
    }

    @Test
    void aDeploymentWithReplicasAsWordsIsRefused() {
        ManifestValidator validator = new ManifestValidator(null);
        Map<String, Object> deployment = fresh("Deployment", "notes-service");
        ((Map<String, Object>) deployment.get("spec")).put("replicas", "two");

        assertThat(validator.problems(deployment)).singleElement().asString().containsIgnoringCase("two");
    }

    @Test
    void aContainerWithoutItsRequiredNameIsRefused() {
        ManifestValidator validator = new ManifestValidator(null);
        Map<String, Object> deployment = fresh("Deployment", "kernel-service");
        container(deployment).remove("name");

        assertThat(validator.problems(deployment)).singleElement().asString().contains("required field `name`");
    }

    @Test
    void aNetworkPolicyWithPolicyTypesAsAStringIsRefused() {
        ManifestValidator validator = new ManifestValidator(null);
        Map<String, Object> policy = fresh("NetworkPolicy", "priority-service");
        ((Map<String, Object>) policy.get("spec")).put("policyTypes", "Ingress");

        assertThat(validator.problems(policy)).singleElement().asString().contains("policyTypes");
    }

    @Test
    void aKafkaTopicWithAnUnknownFieldIsRefused() {
        ManifestValidator validator = crdValidator();
        Map<String, Object> topic = fresh("KafkaTopic", "paper-discovered");
        assertThat(validator.problems(topic)).isEmpty();

        ((Map<String, Object>) topic.get("spec")).put("partition", 12);

        assertThat(validator.problems(topic)).singleElement().asString().contains("partition");
    }

    @Test
    void aKafkaTopicWithPartitionsAsAStringIsRefused() {
        ManifestValidator validator = crdValidator();
        Map<String, Object> topic = fresh("KafkaTopic", "paper-scored");
        ((Map<String, Object>) topic.get("spec")).put("partitions", "twelve");

        assertThat(validator.problems(topic)).singleElement().asString().contains("partitions").contains("integer");
    }

    @Test
    void aKafkaListenerWithoutItsRequiredTypeIsRefused() {
        ManifestValidator validator = crdValidator();
        Map<String, Object> kafka = fresh("Kafka", "paperstream");
        assertThat(validator.problems(kafka)).isEmpty();

        ((List<Map<String, Object>>) Yaml.at(kafka, "spec.kafka.listeners")).get(0).remove("type");

        assertThat(validator.problems(kafka)).singleElement().asString().contains("type");
    }

    @Test
    void aScaledObjectWithoutItsTargetAndAClusterWithAWrongMetadataFieldAreRefused() {
        ManifestValidator validator = crdValidator();
        Map<String, Object> scaled = fresh("ScaledObject", "priority-service");
        ((Map<String, Object>) scaled.get("spec")).remove("scaleTargetRef");
        Map<String, Object> cluster = fresh("Cluster", "paperstream-db");
        ((Map<String, Object>) cluster.get("metadata")).put("label", Map.of("a", "b"));

        assertThat(validator.problems(scaled)).singleElement().asString().contains("scaleTargetRef");
        assertThat(validator.problems(cluster)).singleElement().asString().contains("label");
    }

    @Test
    void aKindWithoutASchemaIsAnErrorNotASkip() {
        Map<String, Object> unknown = Map.of("apiVersion", "example.com/v1", "kind", "Widget", "metadata", Map.of("name", "w"));

        assertThat(new ManifestValidator(null).problems(unknown)).containsExactly("no schema for example.com/v1 Widget");
    }

    private static ManifestValidator crdValidator() {
        assumeTrue(Repo.crdsPresent(), "the operators' CRDs are not at " + Repo.CRDS);
        return new ManifestValidator(Repo.crds());
    }
}
