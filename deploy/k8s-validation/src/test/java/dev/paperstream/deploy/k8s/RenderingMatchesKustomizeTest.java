package dev.paperstream.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where kubectl is installed, this renderer must give what kubectl's kustomize gives, document for document. */
class RenderingMatchesKustomizeTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOverlayRendersAsKubectlKustomizeRendersIt(String overlay) throws Exception {
        String kubectl = kustomize(overlay);
        assumeTrue(kubectl != null, "kubectl is not installed");

        assertThat(StrategicMerge.keyed(Repo.overlay(overlay))).isEqualTo(StrategicMerge.keyed(Yaml.documents(kubectl)));
    }

    private static String kustomize(String overlay) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", Repo.K8S.resolve("overlays").resolve(overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }
}
