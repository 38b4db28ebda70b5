package dev.paperstream.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where the repository, its overlays and the shared CRDs are, and the overlays rendered once per run. */
final class Repo {
    static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    /** The operators' CRDs next to the repository (CI has them); absent, CRD checks are skipped. */
    static final Path CRDS = ROOT.resolve("../shared/k8s-crds").normalize();
    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("ingest-service", "priority-service", "notes-service", "kernel-service");

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();
    private static volatile CrdSchemas crds;

    private Repo() {
    }

    static List<Map<String, Object>> overlay(String name) {
        return RENDERED.computeIfAbsent(name, n -> List.copyOf(Kustomize.render(K8S.resolve("overlays").resolve(n))));
    }

    static boolean crdsPresent() {
        return Files.isDirectory(CRDS);
    }

    static CrdSchemas crds() {
        if (crds == null) {
            crds = new CrdSchemas(CRDS);
        }
        return crds;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(d -> name.equals(Yaml.at(d, "metadata.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }
}
