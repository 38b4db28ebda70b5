package dev.paperstream.events.kafka;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.InvalidEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the records of one event type: first the CloudEvents attributes a consumer relies on (binary content
 * mode: {@code ce_type} must be this type's, {@code ce_specversion} 1.0, {@code ce_id} present), then the JSON
 * payload through {@link EventJson}. Anything else is an {@link InvalidEventException} whose message says what
 * is wrong; the services' channels run with SmallRye's {@code fail-on-deserialization-failure=false}, so such a
 * record reaches the consumer with no value and the message in its {@code deserialization-failure-reason}
 * header, and is dead-lettered with it (service-support's {@code messaging/}).
 * <p>
 * One subclass per event type, with a no-argument constructor, so that a channel names it as its
 * {@code value.deserializer}.
 */
public abstract class CloudEventDeserializer<T> implements Deserializer<T> {
    private final EventType type;
    private final Class<T> payloadType;

    protected CloudEventDeserializer(EventType type, Class<T> payloadType) {
        if (!type.payloadType().equals(payloadType)) {
            throw new IllegalArgumentException(type.ceType() + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payloadType.getSimpleName());
        }
        this.type = type;
        this.payloadType = payloadType;
    }

    public EventType type() {
        return type;
    }

    /** Refused: the CloudEvents attributes are headers, and without them nothing says what the bytes are. */
    @Override
    public T deserialize(String topic, byte[] data) {
        throw invalid(topic, "came without headers, so its ce_type cannot be checked");
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        String ceType = header(headers, CloudEventHeaders.TYPE);
        if (ceType == null) {
            throw invalid(topic, "has no " + CloudEventHeaders.TYPE + " header; expected " + type.ceType());
        }
        if (!type.ceType().equals(ceType)) {
            throw invalid(topic, "has " + CloudEventHeaders.TYPE + " " + ceType
                    + (EventType.ofCeType(ceType).isPresent() ? "" : " (a type this consumer does not know)")
                    + "; expected " + type.ceType());
        }
        String specVersion = header(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw invalid(topic, specVersion == null ? "has no " + CloudEventHeaders.SPEC_VERSION + " header"
                    : "has " + CloudEventHeaders.SPEC_VERSION + " " + specVersion + "; only "
                            + CloudEventHeaders.SPEC_VERSION_VALUE + " is read");
        }
        String id = header(headers, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw invalid(topic, "has no " + CloudEventHeaders.ID + " header, so a redelivery could not be told");
        }
        if (data == null) {
            throw invalid(topic, "has no payload (a null value)");
        }
        return EventJson.read(data, payloadType);
    }

    private InvalidEventException invalid(String topic, String what) {
        return new InvalidEventException(type.ceType() + " record on " + topic + " " + what, null);
    }

    private static String header(Headers headers, String name) {
        Header h = headers == null ? null : headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
