package dev.paperstream.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of kustomize that deploy/k8s uses, so that CI renders the overlays without a kustomize binary:
 * resources (files and directories), components, configMapGenerator (files, no name hash), namespace, and
 * strategic-merge patches (by the patch's own kind and name, or by a target kind). Anything else in a
 * kustomization fails the rendering, so that a new feature cannot be silently ignored;
 * {@code RenderingMatchesKustomizeTest} compares the result with kubectl's kustomize where one is installed.
 */
final class Kustomize {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "components", "patches",
            "namespace", "configMapGenerator", "generatorOptions");

    private Kustomize() {
    }

    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> k = Yaml.document(dir.resolve("kustomization.yaml"));
        List<Map<String, Object>> docs = new ArrayList<>();
        return apply(dir, k, docs);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> apply(Path dir, Map<String, Object> k, List<Map<String, Object>> docs) {
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(dir + ": kustomization field '" + key + "' is not supported by this renderer");
            }
        }
        for (String resource : (List<String>) k.getOrDefault("resources", List.of())) {
            Path p = dir.resolve(resource).normalize();
            docs.addAll(Files.isDirectory(p) ? render(p) : Yaml.documents(p));
        }
        docs.addAll(generatedConfigMaps(dir, k));
        for (String component : (List<String>) k.getOrDefault("components", List.of())) {
            Path c = dir.resolve(component).normalize();
            Map<String, Object> ck = Yaml.document(c.resolve("kustomization.yaml"));
            if (!"Component".equals(ck.get("kind"))) {
                throw new IllegalArgumentException(c + " is not a kustomize Component");
            }
            apply(c, ck, docs);
        }
        for (Map<String, Object> patch : (List<Map<String, Object>>) k.getOrDefault("patches", List.of())) {
            applyPatch(dir, patch, docs);
        }
        Object namespace = k.get("namespace");
        if (namespace != null) {
            docs.forEach(d -> ((Map<String, Object>) d.computeIfAbsent("metadata", x -> new LinkedHashMap<>()))
                    .put("namespace", namespace));
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> generatedConfigMaps(Path dir, Map<String, Object> k) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> options = (Map<String, Object>) k.getOrDefault("generatorOptions", Map.of());
        for (Map<String, Object> gen : (List<Map<String, Object>>) k.getOrDefault("configMapGenerator", List.of())) {
            if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
                throw new IllegalArgumentException(dir + ": generated names with a hash suffix are not supported");
            }
            Map<String, Object> data = new LinkedHashMap<>();
            for (String file : (List<String>) gen.getOrDefault("files", List.of())) {
                try {
                    data.put(Path.of(file).getFileName().toString(), Files.readString(dir.resolve(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", gen.get("name"));
            if (options.containsKey("labels")) {
                metadata.put("labels", Yaml.copy(options.get("labels")));
            }
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("apiVersion", "v1");
            cm.put("kind", "ConfigMap");
            cm.put("metadata", metadata);
            cm.put("data", data);
            out.add(cm);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void applyPatch(Path dir, Map<String, Object> patch, List<Map<String, Object>> docs) {
        Map<String, Object> target = (Map<String, Object>) patch.get("target");
        for (Map<String, Object> p : Yaml.documents(dir.resolve((String) patch.get("path")))) {
            String kind = target != null ? (String) target.get("kind") : (String) p.get("kind");
            String name = target != null ? (String) target.get("name") : Yaml.at(p, "metadata.name");
            int matched = 0;
            for (int i = 0; i < docs.size(); i++) {
                Map<String, Object> doc = docs.get(i);
                if (kind.equals(doc.get("kind")) && (name == null || name.equals(Yaml.at(doc, "metadata.name")))) {
                    Map<String, Object> own = Yaml.copy(p);
                    ((Map<String, Object>) own.get("metadata")).put("name", Yaml.at(doc, "metadata.name"));
                    docs.set(i, StrategicMerge.merge(doc, own));
                    matched++;
                }
            }
            if (matched == 0) {
                throw new IllegalArgumentException(dir + ": patch " + patch.get("path") + " matches no " + kind
                        + (name == null ? "" : " named " + name));
            }
        }
    }
}
