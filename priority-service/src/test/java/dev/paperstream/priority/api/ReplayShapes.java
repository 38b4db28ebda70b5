package dev.paperstream.priority.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * notes-service's tests stand in for this API with answers kept in its {@code priority-replay/*.json}; a real
 * answer must have the same fields (names and kinds of value, nested too), or the stand-in has drifted from it.
 * Skipped when the notes module is not next to this one.
 */
public final class ReplayShapes {
    private static final Path REPLAY = Path.of("../notes-service/src/test/resources/priority-replay");

    private ReplayShapes() {
    }

    public static void assertSameShape(String file, String realAnswer) {
        Path replay = REPLAY.resolve(file);
        if (!Files.exists(replay)) {
            return;
        }
        try {
            ObjectMapper json = new ObjectMapper();
            compare(file, json.readTree(Files.readString(replay)), json.readTree(realAnswer));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void compare(String where, JsonNode replayed, JsonNode real) {
        if (replayed.isNull() || real.isNull()) {
            return;
        }
        assertThat(real.getNodeType()).as(where).isEqualTo(replayed.getNodeType());
        if (real.isObject()) {
            assertThat(names(real)).as(where).isEqualTo(names(replayed));
            real.fieldNames().forEachRemaining(n -> compare(where + "." + n, replayed.get(n), real.get(n)));
        } else if (real.isArray() && real.size() > 0 && replayed.size() > 0) {
            compare(where + "[0]", replayed.get(0), real.get(0));
        }
    }

    private static TreeSet<String> names(JsonNode node) {
        TreeSet<String> out = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }
}
