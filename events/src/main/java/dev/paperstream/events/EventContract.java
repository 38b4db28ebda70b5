package dev.paperstream.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the published contract lies on the class path: the AsyncAPI document and one JSON Schema per
 * event type, named after its {@code ce_type} without the {@code paperstream.} prefix
 * ({@code paper.discovered.v1}). Every service serves them as they are in this jar.
 */
public final class EventContract {
    public static final String ASYNCAPI = "contract/asyncapi.json";
    private static final String SCHEMAS = "contract/schemas/";
    private static final String TYPE_PREFIX = "paperstream.";

    private EventContract() {
    }

    /** {@code paper.discovered.v1} for {@code paperstream.paper.discovered.v1}. */
    public static String schemaName(EventType type) {
        return type.ceType().substring(TYPE_PREFIX.length());
    }

    public static String schemaResource(EventType type) {
        return SCHEMAS + schemaName(type) + ".json";
    }

    public static List<String> schemaNames() {
        return Arrays.stream(EventType.values()).map(EventContract::schemaName).toList();
    }

    public static Optional<EventType> ofSchemaName(String name) {
        return Arrays.stream(EventType.values()).filter(t -> schemaName(t).equals(name)).findFirst();
    }

    /** The bytes of a contract resource, e.g. {@link #ASYNCAPI} or {@link #schemaResource(EventType)}. */
    public static byte[] read(String resource) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("contract resource " + resource + " is missing from the events jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
