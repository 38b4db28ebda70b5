package dev.paperstream.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every service needs to run unattended, checked on the rendered overlays. */
class ServiceDeploymentsTest {
    /** Secrets that the operators or the runbook's commands create; a manifest may reference only these. */
    private static final Set<String> KNOWN_SECRETS = Set.of("paperstream-auth", "paperstream-db-app",
            "paperstream-cluster-ca-cert", "paperstream-db-backup-s3", "ingest-service", "priority-service",
            "notes-service", "kernel-service");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment) {
        return ((List<Map<String, Object>>) Yaml.at(deployment, "spec.template.spec.containers")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> container) {
        return ((List<Map<String, Object>>) container.get("env")).stream()
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e.getOrDefault("value", e.get("valueFrom"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasProbesResourcesAndNeedsATokenForReads(String overlay) {
        for (String service : Repo.SERVICES) {
            Map<String, Object> c = container(Repo.named(Repo.overlay(overlay), "Deployment", service));
            assertThat((String) Yaml.at(c, "readinessProbe.httpGet.path")).as(service).isEqualTo("/q/health/ready");
            assertThat((String) Yaml.at(c, "livenessProbe.httpGet.path")).as(service).isEqualTo("/q/health/live");
            assertThat((String) Yaml.at(c, "startupProbe.httpGet.path")).as(service).isEqualTo("/q/health/started");
            assertThat((Map<String, Object>) Yaml.at(c, "resources.requests")).as(service).containsKeys("cpu", "memory");
            assertThat((Map<String, Object>) Yaml.at(c, "resources.limits")).as(service).containsKeys("cpu", "memory");
            assertThat(env(c)).as(service).containsEntry("PAPERSTREAM_AUTH_READS_NEED_TOKEN", "true")
                    .containsKeys("KAFKA_SASL_JAAS_CONFIG", "QUARKUS_DATASOURCE_PASSWORD_FILE", "PAPERSTREAM_ADMIN_TOKEN")
                    .doesNotContainKey("QUARKUS_DATASOURCE_PASSWORD");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADisruptionBudgetAMonitorAndAPolicyThatSelectIt(String overlay) {
        List<Map<String, Object>> docs = Repo.overlay(overlay);
        for (String service : Repo.SERVICES) {
            Map<String, Object> selector = Map.of("app.kubernetes.io/name", service);
            assertThat((Map<String, Object>) Yaml.at(Repo.named(docs, "Deployment", service), "spec.template.metadata.labels"))
                    .containsAllEntriesOf(selector);
            assertThat((Object) Yaml.at(Repo.named(docs, "PodDisruptionBudget", service), "spec.selector.matchLabels")).isEqualTo(selector);
            assertThat((Object) Yaml.at(Repo.named(docs, "ServiceMonitor", service), "spec.selector.matchLabels")).isEqualTo(selector);
            assertThat((Object) Yaml.at(Repo.named(docs, "Service", service), "spec.selector")).isEqualTo(selector);
            Map<String, Object> policy = Repo.named(docs, "NetworkPolicy", service);
            assertThat((Object) Yaml.at(policy, "spec.podSelector.matchLabels")).isEqualTo(selector);
            assertThat((List<String>) Yaml.at(policy, "spec.policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
            List<Map<String, Object>> ingress = Yaml.at(policy, "spec.ingress");
            assertThat(ingress).allSatisfy(rule -> assertThat((List<Map<String, Object>>) rule.get("ports"))
                    .containsExactly(Map.of("protocol", "TCP", "port", 8080)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyServicesWithOutsidePartnersMayLeaveTheCluster(String overlay) {
        List<Map<String, Object>> docs = Repo.overlay(overlay);
        for (String service : Repo.SERVICES) {
            List<Map<String, Object>> egress = Yaml.at(Repo.named(docs, "NetworkPolicy", service), "spec.egress");
            boolean internet = egress.stream().anyMatch(rule -> String.valueOf(rule.get("to")).contains("0.0.0.0/0"));
            assertThat(internet).as(service).isEqualTo(!service.equals("kernel-service"));
            assertThat(String.valueOf(egress)).as(service).contains("strimzi.io/cluster=paperstream")
                    .contains("cnpg.io/cluster=paperstream-db").contains("kube-dns");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void manifestsReferenceOnlySecretsThatTheOperatorsOrTheRunbookCreate(String overlay) {
        String all = String.valueOf(Repo.overlay(overlay));
        Set<String> referenced = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:secretName=|(?:secretKeyRef|accessKeyId|secretAccessKey)=\\{name=)([a-z0-9-]+)").matcher(all);
        while (m.find()) {
            referenced.add(m.group(1));
        }
        java.util.regex.Matcher target = java.util.regex.Pattern.compile("parameter=\\w+, name=([a-z0-9-]+)").matcher(all);
        while (target.find()) {
            referenced.add(target.group(1));
        }
        assertThat(referenced).isNotEmpty().isSubsetOf(KNOWN_SECRETS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void postgresIsReplicatedInProdAndBackedUpToObjectStorageInBoth(String overlay) {
        List<Map<String, Object>> docs = Repo.overlay(overlay);
        Map<String, Object> cluster = Repo.named(docs, "Cluster", "paperstream-db");
        assertThat((Integer) Yaml.at(cluster, "spec.instances")).isEqualTo(overlay.equals("prod") ? 3 : 1);
        assertThat((String) Yaml.at(cluster, "spec.backup.barmanObjectStore.destinationPath")).startsWith("s3://").endsWith(overlay);
        assertThat((String) Yaml.at(cluster, "spec.backup.barmanObjectStore.s3Credentials.secretAccessKey.name"))
                .isEqualTo("paperstream-db-backup-s3");
        Map<String, Object> backup = Repo.ofKind(docs, "ScheduledBackup").get(0);
        assertThat((String) Yaml.at(backup, "spec.cluster.name")).isEqualTo("paperstream-db");
        assertThat((String) Yaml.at(backup, "spec.method")).isEqualTo("barmanObjectStore");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theKernelServiceGetsAGpuInProdOnly(String overlay) {
        Map<String, Object> deployment = Repo.named(Repo.overlay(overlay), "Deployment", "kernel-service");
        Map<String, Object> c = container(deployment);
        if (overlay.equals("prod")) {
            assertThat(((Map<String, Object>) Yaml.at(c, "resources.limits")).get("nvidia.com/gpu")).isEqualTo("1");
            assertThat((String) c.get("image")).isEqualTo("paperstream/kernel-service-gpu:latest");
            assertThat((Map<String, Object>) Yaml.at(deployment, "spec.template.spec.nodeSelector")).containsKey("nvidia.com/gpu.present");
            assertThat(String.valueOf((Object) Yaml.at(deployment, "spec.template.spec.tolerations"))).contains("nvidia.com/gpu");
            assertThat((String) Yaml.at(deployment, "spec.strategy.type")).isEqualTo("Recreate");
        } else {
            assertThat(((Map<String, Object>) Yaml.at(c, "resources.limits"))).doesNotContainKey("nvidia.com/gpu");
            assertThat((String) c.get("image")).isEqualTo("paperstream/kernel-service:latest");
        }
    }
}
