package dev.paperstream.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a schema may replace the published one under the same {@code ce_type}. Consumers of both kinds
 * must keep working: one built against the published schema reading what new producers write, and one
 * built against the new schema reading records written before (topics retain them). So within a version a
 * schema may only gain optional properties (objects are open, {@code additionalProperties: true}, and the
 * records ignore unknown fields) and change its wording; every constraint the published schema states
 * stays exactly as it is: no property removed, the required set unchanged, types, enums, formats,
 * patterns and bounds unchanged (a larger maxLength breaks a consumer that stores into a column of the
 * old size as surely as a smaller one breaks the reading of old records), and no new constraint on an
 * existing value. Anything else is a new version: a new {@code EventType} constant and schema beside
 * the old ones.
 */
final class SchemaCompatibility {
    /** Keywords that annotate and never constrain: free to change. */
    private static final Set<String> WORDING = Set.of("title", "description", "examples", "$comment", "deprecated");
    /** Keywords whose members are subschemas by name: members may be added (new optional properties, new $defs). */
    private static final Set<String> BY_NAME = Set.of("properties", "$defs");
    private static final Set<String> SUBSCHEMA_LISTS = Set.of("anyOf", "allOf", "oneOf", "prefixItems");
    private static final Set<String> SUBSCHEMA = Set.of("items", "not", "contains", "additionalProperties");
    /** Keywords whose order means nothing. */
    private static final Set<String> UNORDERED = Set.of("required", "enum", "type");

    private final List<String> problems = new ArrayList<>();

    private SchemaCompatibility() {
    }

    /** Each way {@code current} would break a consumer of {@code published}; empty when it may replace it. */
    static List<String> breakingChanges(JsonNode published, JsonNode current) {
        SchemaCompatibility check = new SchemaCompatibility();
        check.compare(published, current, "");
        return check.problems;
    }

    private void compare(JsonNode published, JsonNode current, String path) {
        if (!published.isObject() || !current.isObject()) {
            if (!published.equals(current)) {
                problems.add(where(path) + "changed from " + published + " to " + current);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = published.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode before = entry.getValue();
            JsonNode after = current.get(key);
            if (WORDING.contains(key)) {
                continue;
            }
            if (after == null) {
                problems.add(where(path) + "dropped " + key + " " + before
                        + (BY_NAME.contains(key) ? "" : " (a consumer may rely on it)"));
            } else if (BY_NAME.contains(key)) {
                members(key, before, after, path);
            } else if (SUBSCHEMA.contains(key)) {
                compare(before, after, path + "/" + key);
            } else if (SUBSCHEMA_LISTS.contains(key) && before.size() == after.size()) {
                for (int i = 0; i < before.size(); i++) {
                    compare(before.get(i), after.get(i), path + "/" + key + "/" + i);
                }
            } else if (UNORDERED.contains(key) ? !asSet(before).equals(asSet(after)) : !before.equals(after)) {
                problems.add(where(path) + "changed " + key + " from " + before + " to " + after);
            }
        }
        for (Iterator<String> it = current.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!published.has(key) && !WORDING.contains(key)) {
                problems.add(where(path) + "added " + key + " " + current.get(key)
                        + " to a value the published schema accepts without it");
            }
        }
    }

    private void members(String keyword, JsonNode before, JsonNode after, String path) {
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String memberPath = path + "/" + keyword + "/" + name;
            if (!after.has(name)) {
                problems.add(where(memberPath) + (keyword.equals("properties")
                        ? "removed property '" + name + "' (a consumer may read it)" : "removed " + keyword + " " + name));
            } else {
                compare(before.get(name), after.get(name), memberPath);
            }
        }
    }

    private static Set<JsonNode> asSet(JsonNode node) {
        Set<JsonNode> values = new HashSet<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else {
            values.add(node);
        }
        return values;
    }

    private static String where(String path) {
        return (path.isEmpty() ? "/" : path) + ": ";
    }
}
