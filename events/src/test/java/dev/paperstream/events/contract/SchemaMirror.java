package dev.paperstream.events.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paperstream.events.EventJson;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a JSON Schema with the record class that producers serialise and consumers read: the same
 * property names, the same required ones ({@code @JsonProperty(required = true)}), compatible types,
 * the same enum values; nested records through {@code $ref}s and array items.
 */
final class SchemaMirror {
    private final JsonNode root;
    private final List<String> problems = new ArrayList<>();

    private SchemaMirror(JsonNode root) {
        this.root = root;
    }

    /** Every difference between the record class and the schema, empty when they agree. */
    static List<String> differences(Class<?> recordClass, JsonNode schema) {
        SchemaMirror mirror = new SchemaMirror(schema);
        mirror.object(recordClass, schema, recordClass.getSimpleName());
        return mirror.problems;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : resolve(root.at(ref.asText().substring(1)));
    }

    private void object(Class<?> recordClass, JsonNode schemaOrRef, String path) {
        JsonNode schema = resolve(schemaOrRef);
        if (!"object".equals(schema.path("type").asText())) {
            problems.add(path + ": the schema is not of type object");
            return;
        }
        Set<String> names = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            // @JsonProperty has no RECORD_COMPONENT target: the compiler puts it on the accessor (and field, parameter)
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = property != null && !property.value().isEmpty() ? property.value() : component.getName();
            names.add(name);
            if (property != null && property.required()) {
                required.add(name);
            }
            JsonNode propertySchema = schema.path("properties").get(name);
            if (propertySchema != null) {
                value(component.getGenericType(), propertySchema, path + "." + name);
            }
        }
        Set<String> schemaNames = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(schemaNames::add);
        Set<String> schemaRequired = new TreeSet<>();
        schema.path("required").forEach(r -> schemaRequired.add(r.asText()));
        if (!names.equals(schemaNames)) {
            problems.add(path + ": the record has properties " + names + ", the schema " + schemaNames);
        }
        if (!required.equals(schemaRequired)) {
            problems.add(path + ": the record requires " + required + ", the schema " + schemaRequired);
        }
    }

    private void value(Type javaType, JsonNode schemaOrRef, String path) {
        JsonNode schema = resolve(schemaOrRef);
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        String type = schema.path("type").asText();
        if (raw == List.class) {
            if (!type.equals("array")) {
                problems.add(path + ": a list in the record, " + describe(schema) + " in the schema");
            } else {
                value(((ParameterizedType) javaType).getActualTypeArguments()[0], schema.path("items"), path + "[]");
            }
        } else if (raw.isRecord()) {
            object(raw, schema, path);
        } else if (raw.isEnum()) {
            List<String> constants = Arrays.stream(raw.getEnumConstants())
                    .map(c -> EventJson.write(c).replace("\"", "")).toList();
            List<String> allowed = new ArrayList<>();
            schema.path("enum").forEach(e -> allowed.add(e.asText()));
            if (!constants.equals(allowed)) {
                problems.add(path + ": the record's enum is " + constants + ", the schema's " + allowed);
            }
        } else if (!accepts(schema, expectedType(raw), raw == Instant.class)) {
            problems.add(path + ": " + raw.getSimpleName() + " in the record, " + describe(schema) + " in the schema");
        }
    }

    private static String expectedType(Class<?> raw) {
        if (raw == String.class || raw == Instant.class) {
            return "string";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "integer";
        }
        if (raw == double.class || raw == Double.class) {
            return "number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        return "an unmapped Java type " + raw.getName();
    }

    /** A schema of that type, an enum of such values, or an anyOf with one such branch (a number or "NaN"). */
    private boolean accepts(JsonNode schema, String type, boolean dateTime) {
        if (schema.has("anyOf")) {
            for (JsonNode branch : schema.get("anyOf")) {
                if (accepts(resolve(branch), type, dateTime)) {
                    return true;
                }
            }
            return false;
        }
        if (schema.has("enum") && type.equals("string")) {
            for (JsonNode e : schema.get("enum")) {
                if (!e.isTextual()) {
                    return false;
                }
            }
            return true;
        }
        return type.equals(schema.path("type").asText())
                && (!dateTime || "date-time".equals(schema.path("format").asText()));
    }

    private static String describe(JsonNode schema) {
        return schema.has("type") ? schema.get("type").asText() + (schema.has("format") ? " (" + schema.get("format")
                .asText() + ")" : "") : schema.toString();
    }
}
