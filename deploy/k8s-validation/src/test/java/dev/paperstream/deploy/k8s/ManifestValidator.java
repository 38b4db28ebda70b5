package dev.paperstream.deploy.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges one rendered document as the API server would, without a cluster. A built-in kind is checked by
 * the Kubernetes OpenAPI model of its apiVersion and kind (io.kubernetes client-java-api: unknown fields,
 * missing required fields and non-object values are refused by validateJsonElement, then the document must
 * bind to the model's types). A custom kind is checked against its CRD's schema ({@link CrdSchemas}) and its
 * metadata against ObjectMeta. A kind that neither knows is an error, never skipped.
 */
final class ManifestValidator {
    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private final CrdSchemas crds;

    /** @param crds the operators' CRDs; null checks built-in kinds only (custom kinds are then errors) */
    ManifestValidator(CrdSchemas crds) {
        this.crds = crds;
    }

    /** What is wrong with the document; empty when it is valid. */
    List<String> problems(Map<String, Object> doc) {
        String apiVersion = String.valueOf(doc.get("apiVersion"));
        String kind = String.valueOf(doc.get("kind"));
        String json = write(doc);
        List<String> problems = new ArrayList<>();
        Class<?> model = builtInModel(apiVersion, kind);
        if (model != null) {
            check(model, json, problems);
            return problems;
        }
        JsonSchema schema = crds == null ? null : crds.schema(apiVersion, kind);
        if (schema == null) {
            problems.add("no schema for " + apiVersion + " " + kind);
            return problems;
        }
        for (ValidationMessage m : schema.validate(Yaml.JSON.valueToTree(doc))) {
            problems.add(m.getMessage());
        }
        Object metadata = doc.get("metadata");
        if (metadata == null) {
            problems.add("$.metadata: required");
        } else {
            check(V1ObjectMeta.class, write(metadata), problems);
        }
        return problems;
    }

    /** The generated model of a core or named-group kind: apps/v1 Deployment is V1Deployment. */
    static Class<?> builtInModel(String apiVersion, String kind) {
        String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (!group.isEmpty() && group.contains(".") && !group.endsWith(".k8s.io")) {
            return null;
        }
        try {
            return Class.forName(MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static void check(Class<?> model, String json, List<String> problems) {
        JsonElement element = JsonParser.parseString(json);
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, element);
            JSON.deserialize(json, model);
        } catch (InvocationTargetException e) {
            problems.add(model.getSimpleName() + ": " + firstLine(e.getCause().getMessage()));
        } catch (RuntimeException e) {
            problems.add(model.getSimpleName() + ": " + firstLine(String.valueOf(e.getMessage())));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no validateJsonElement", e);
        }
    }

    private static String write(Object value) {
        try {
            return Yaml.JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String firstLine(String s) {
        // the model's messages end with the whole JSON document; the field and the reason come first
        int json = s.indexOf(" JSON: ");
        String head = json < 0 ? s : s.substring(0, json);
        int nl = head.indexOf('\n');
        return nl < 0 ? head : head.substring(0, nl);
    }
}
