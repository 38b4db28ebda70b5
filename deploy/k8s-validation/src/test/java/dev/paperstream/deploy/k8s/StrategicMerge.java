package dev.paperstream.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A strategic-merge patch as kustomize applies it to the fields deploy/k8s patches: maps merge key by key,
 * a null value deletes the key, lists whose items all carry a "name" (containers, env, volumes, ports) merge
 * item by item, any other list is replaced. Patch directives ($patch, $retainKeys ...) are refused.
 */
final class StrategicMerge {
    private StrategicMerge() {
    }

    @SuppressWarnings("unchecked")
    static <T> T merge(T base, Object patch) {
        if (base instanceof Map<?, ?> b && patch instanceof Map<?, ?> p) {
            Map<String, Object> out = Yaml.copy((Map<String, Object>) b);
            for (Map.Entry<?, ?> e : p.entrySet()) {
                String key = (String) e.getKey();
                if (key.startsWith("$")) {
                    throw new IllegalArgumentException("patch directive " + key + " is not supported");
                }
                if (e.getValue() == null) {
                    out.remove(key);
                } else {
                    out.put(key, out.containsKey(key) ? merge(out.get(key), e.getValue()) : Yaml.copy(e.getValue()));
                }
            }
            return (T) out;
        }
        if (base instanceof List<?> b && patch instanceof List<?> p && named(b) && named(p)) {
            List<Object> out = new ArrayList<>(Yaml.copy((List<Object>) b));
            for (Object item : p) {
                Object name = ((Map<?, ?>) item).get("name");
                int at = indexOf(out, name);
                if (at < 0) {
                    out.add(Yaml.copy(item));
                } else {
                    out.set(at, merge(out.get(at), item));
                }
            }
            return (T) out;
        }
        return (T) Yaml.copy(patch);
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") instanceof String);
    }

    private static int indexOf(List<Object> list, Object name) {
        for (int i = 0; i < list.size(); i++) {
            if (name.equals(((Map<?, ?>) list.get(i)).get("name"))) {
                return i;
            }
        }
        return -1;
    }

    /** The same documents in a canonical order: sorted by kind and name, named lists sorted by name. */
    @SuppressWarnings("unchecked")
    static Object canonical(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put((String) k, canonical(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(canonical(v)));
            if (named(l)) {
                out.sort((a, b) -> ((String) ((Map<String, Object>) a).get("name"))
                        .compareTo((String) ((Map<String, Object>) b).get("name")));
            }
            return out;
        }
        return value;
    }

    static Map<String, Object> keyed(List<Map<String, Object>> docs) {
        Map<String, Object> out = new java.util.TreeMap<>();
        for (Map<String, Object> d : docs) {
            out.put(d.get("kind") + "/" + Yaml.at(d, "metadata.name"), canonical(d));
        }
        return out;
    }
}
