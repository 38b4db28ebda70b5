package dev.paperstream.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The served versions of the CustomResourceDefinitions in a folder, each openAPIV3Schema turned into a JSON
 * Schema that judges a document as the API server does with strict field validation (kubectl's default):
 * {@code nullable} allows null, {@code x-kubernetes-int-or-string} allows an integer or a string,
 * {@code x-kubernetes-preserve-unknown-fields} (and embedded resources) keep unknown fields, and every
 * other object with declared properties refuses a field it does not declare. CEL rules
 * ({@code x-kubernetes-validations}) and Kubernetes formats are not evaluated.
 */
final class CrdSchemas {
    private final Map<String, JsonSchema> byApiVersionAndKind = new HashMap<>();

    CrdSchemas(Path folder) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> crd : Yaml.documents(file)) {
                    if ("CustomResourceDefinition".equals(crd.get("kind"))) {
                        add(factory, crd);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void add(JsonSchemaFactory factory, Map<String, Object> crd) {
        String group = Yaml.at(crd, "spec.group");
        String kind = Yaml.at(crd, "spec.names.kind");
        for (Map<String, Object> version : (List<Map<String, Object>>) Yaml.at(crd, "spec.versions")) {
            if (Boolean.FALSE.equals(version.get("served"))) {
                continue;
            }
            Map<String, Object> schema = toJsonSchema(Yaml.at(version, "schema.openAPIV3Schema"));
            JsonNode node = Yaml.JSON.valueToTree(schema);
            byApiVersionAndKind.put(group + "/" + version.get("name") + " " + kind, factory.getSchema(node));
        }
    }

    /** The schema of a custom kind at an apiVersion, or null when no served CRD version defines it. */
    JsonSchema schema(String apiVersion, String kind) {
        return byApiVersionAndKind.get(apiVersion + " " + kind);
    }

    int size() {
        return byApiVersionAndKind.size();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toJsonSchema(Map<String, Object> openApi) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean keepUnknown = Boolean.TRUE.equals(openApi.get("x-kubernetes-preserve-unknown-fields"))
                || Boolean.TRUE.equals(openApi.get("x-kubernetes-embedded-resource"));
        for (Map.Entry<String, Object> e : openApi.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.startsWith("x-kubernetes-") || key.equals("nullable") || key.equals("format")) {
                continue;
            }
            switch (key) {
                case "properties" -> {
                    Map<String, Object> props = new LinkedHashMap<>();
                    ((Map<String, Object>) value).forEach((k, v) -> props.put(k, toJsonSchema((Map<String, Object>) v)));
                    out.put(key, props);
                }
                case "items", "not" -> out.put(key, value instanceof Map<?, ?> m ? toJsonSchema((Map<String, Object>) m) : value);
                case "additionalProperties" -> out.put(key,
                        value instanceof Map<?, ?> m ? toJsonSchema((Map<String, Object>) m) : value);
                case "allOf", "anyOf", "oneOf" -> out.put(key,
                        ((List<Map<String, Object>>) value).stream().map(CrdSchemas::toJsonSchema).toList());
                default -> out.put(key, value);
            }
        }
        if (Boolean.TRUE.equals(openApi.get("x-kubernetes-int-or-string"))) {
            out.remove("type");
            out.put("anyOf", List.of(Map.of("type", "integer"), Map.of("type", "string")));
        }
        if (Boolean.TRUE.equals(openApi.get("nullable")) && out.get("type") instanceof String type) {
            out.put("type", List.of(type, "null"));
        }
        if (!keepUnknown && out.containsKey("properties") && !out.containsKey("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
