package dev.paperstream.support.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Many outbox events in one row. A bulk import used to write, lock and delete one outbox row per
 * event, and PostgreSQL spent most of the import's time on those rows; a bundle holds up to
 * {@value #MAX_EVENTS} events (at most {@value #MAX_RAW_BYTES} bytes before compression), keeps their
 * order, ids and types, and the relay publishes them one by one. Format: a format byte, the raw length,
 * then an LZ4 block of the event count and, per event, its id, topic, key (length -1: none), type and
 * payload, each a length-prefixed UTF-8 string.
 */
final class OutboxBundle {
    static final int MAX_EVENTS = 5000;
    static final int MAX_RAW_BYTES = 4 << 20;
    private static final byte FORMAT = 1;
    private static final int HEADER = 1 + Integer.BYTES;
    private static final LZ4Factory LZ4 = lz4();
    private static final LZ4Compressor COMPRESSOR = LZ4.fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4.safeDecompressor();

    private OutboxBundle() {
    }

    /** One event of a bundle, as the relay publishes it. */
    record Event(String id, String topic, String key, String ceType, String payload) {
    }

    /** A bundle ready to store: how many events it holds and its bytes. */
    record Packed(int events, byte[] bytes) {
    }

    /** Packs {@code events} (with {@code ids[i]} the id of event i) into as few bundles as the limits allow, in order. */
    static List<Packed> pack(List<Outbox.Written> events, String[] ids) {
        List<Packed> bundles = new ArrayList<>();
        Raw raw = new Raw();
        for (int i = 0; i < events.size(); i++) {
            Outbox.Written event = events.get(i);
            byte[][] fields = {utf8(ids[i]), utf8(event.type().topic()), utf8(event.key()), utf8(event.type().ceType()),
                    utf8(event.json())};
            int size = 0;
            for (byte[] field : fields) {
                size += Integer.BYTES + (field == null ? 0 : field.length);
            }
            if (raw.count > 0 && (raw.count == MAX_EVENTS || raw.length() + size > MAX_RAW_BYTES)) {
                bundles.add(raw.compress());
                raw = new Raw();
            }
            raw.add(fields, size);
        }
        if (raw.count > 0) {
            bundles.add(raw.compress());
        }
        return bundles;
    }

    /** The events of a stored bundle, in order; an {@link IllegalStateException} when it is not one. */
    static List<Event> unpack(byte[] bundle) {
        if (bundle.length < HEADER || bundle[0] != FORMAT) {
            throw new IllegalStateException("not an outbox bundle of format " + FORMAT);
        }
        int rawLength = ByteBuffer.wrap(bundle, 1, Integer.BYTES).getInt();
        // no upper bound but the int's: one event larger than MAX_RAW_BYTES has a bundle of its own
        if (rawLength < Integer.BYTES) {
            throw new IllegalStateException("outbox bundle claims " + rawLength + " bytes");
        }
        byte[] raw = new byte[rawLength];
        try {
            int n = DECOMPRESSOR.decompress(bundle, HEADER, bundle.length - HEADER, raw, 0, rawLength);
            if (n != rawLength) {
                throw new IllegalStateException("outbox bundle is " + n + " bytes, not " + rawLength);
            }
        } catch (LZ4Exception e) {
            throw new IllegalStateException("outbox bundle is corrupt: " + e.getMessage(), e);
        }
        ByteBuffer in = ByteBuffer.wrap(raw);
        int count = in.getInt();
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new Event(string(in), string(in), string(in), string(in), string(in)));
        }
        return events;
    }

    // fastestInstance() never tries the native library under Quarkus' class loader, and the pure-Java
    // compressor took a fifth of a bulk import's CPU
    private static LZ4Factory lz4() {
        try {
            return LZ4Factory.nativeInstance();
        } catch (Throwable noNativeLibrary) {
            return LZ4Factory.fastestJavaInstance();
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /** The uncompressed bytes of a bundle being filled. */
    private static final class Raw {
        private byte[] bytes = new byte[64 * 1024];
        private int length = Integer.BYTES;
        private int count;

        int length() {
            return length;
        }

        void add(byte[][] fields, int size) {
            if (length + size > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + size));
            }
            ByteBuffer out = ByteBuffer.wrap(bytes, length, size);
            for (byte[] field : fields) {
                out.putInt(field == null ? -1 : field.length);
                if (field != null) {
                    out.put(field);
                }
            }
            length += size;
            count++;
        }

        Packed compress() {
            ByteBuffer.wrap(bytes, 0, Integer.BYTES).putInt(count);
            byte[] out = new byte[HEADER + COMPRESSOR.maxCompressedLength(length)];
            out[0] = FORMAT;
            ByteBuffer.wrap(out, 1, Integer.BYTES).putInt(length);
            int compressed = COMPRESSOR.compress(bytes, 0, length, out, HEADER, out.length - HEADER);
            return new Packed(count, Arrays.copyOf(out, HEADER + compressed));
        }
    }
}
