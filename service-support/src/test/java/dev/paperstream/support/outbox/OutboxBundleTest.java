package dev.paperstream.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxBundleTest {
    private final Random random = new Random();

    @Test
    void everyEventComesBackInOrderWithItsIdTopicKeyTypeAndPayload() {
        List<Outbox.Written> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            EventType type = EventType.values()[random.nextInt(EventType.values().length)];
            String key = i % 7 == 0 ? null : "2401.%05d".formatted(random.nextInt(100_000));
            events.add(new Outbox.Written(key, type, "{\"title\":\"Attention ∑ σ 注意 " + randomText(random.nextInt(3000)) + "\"}"));
        }
        String[] ids = ids(events.size());

        List<OutboxBundle.Packed> bundles = OutboxBundle.pack(events, ids);

        assertThat(bundles).hasSize(1);
        assertThat(bundles.get(0).events()).isEqualTo(300);
        List<OutboxBundle.Event> back = OutboxBundle.unpack(bundles.get(0).bytes());
        assertThat(back).hasSize(300);
        for (int i = 0; i < events.size(); i++) {
            Outbox.Written sent = events.get(i);
            assertThat(back.get(i)).isEqualTo(new OutboxBundle.Event(ids[i], sent.type().topic(), sent.key(),
                    sent.type().ceType(), sent.json()));
        }
    }

    @Test
    void aBulkOfTextIsStoredCompressed() {
        List<Outbox.Written> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(new Outbox.Written("2401.%05d".formatted(i), EventType.PAPER_DISCOVERED,
                    "{\"id\":\"2401.%05d\",\"title\":\"On attention\",\"abstract\":\"We study how tiled attention kernels"
                            .formatted(i) + " scale with the sequence length on one GPU.\",\"categories\":[\"cs.LG\"]}"));
        }
        int json = events.stream().mapToInt(e -> e.json().length()).sum();

        OutboxBundle.Packed bundle = OutboxBundle.pack(events, ids(events.size())).get(0);

        assertThat(bundle.bytes().length).isLessThan(json / 2);
    }

    @Test
    void bundlesAreSplitAtTheEventLimitAndAtTheSizeLimitKeepingTheOrder() {
        List<Outbox.Written> many = new ArrayList<>();
        for (int i = 0; i < OutboxBundle.MAX_EVENTS * 2 + 1; i++) {
            many.add(new Outbox.Written("k" + i, EventType.PAPER_SCORED, "{\"n\":" + i + "}"));
        }
        List<OutboxBundle.Packed> byCount = OutboxBundle.pack(many, ids(many.size()));
        assertThat(byCount).extracting(OutboxBundle.Packed::events)
                .containsExactly(OutboxBundle.MAX_EVENTS, OutboxBundle.MAX_EVENTS, 1);
        assertThat(OutboxBundle.unpack(byCount.get(2).bytes()).get(0).key()).isEqualTo("k" + OutboxBundle.MAX_EVENTS * 2);

        String large = randomText(OutboxBundle.MAX_RAW_BYTES / 3);
        List<Outbox.Written> big = List.of(new Outbox.Written("a", EventType.PAPER_PARSED, large),
                new Outbox.Written("b", EventType.PAPER_PARSED, large), new Outbox.Written("c", EventType.PAPER_PARSED, large),
                new Outbox.Written("d", EventType.PAPER_PARSED, large.repeat(9)));
        List<OutboxBundle.Packed> bySize = OutboxBundle.pack(big, ids(big.size()));
        assertThat(bySize).extracting(OutboxBundle.Packed::events).containsExactly(2, 1, 1);
        assertThat(bySize.stream().flatMap(b -> OutboxBundle.unpack(b.bytes()).stream()).map(OutboxBundle.Event::key))
                .containsExactly("a", "b", "c", "d");
        assertThat(OutboxBundle.unpack(bySize.get(2).bytes()).get(0).payload()).hasSize(large.length() * 9);
    }

    @Test
    void aRowThatIsNotABundleIsRefusedWithAReason() {
        assertThatThrownBy(() -> OutboxBundle.unpack(new byte[] {9, 0, 0, 0, 1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not an outbox bundle");
        byte[] bundle = OutboxBundle.pack(List.of(new Outbox.Written("k", EventType.PAPER_SCORED, "{}")), ids(1))
                .get(0).bytes();
        byte[] truncated = java.util.Arrays.copyOf(bundle, bundle.length - 3);
        assertThatThrownBy(() -> OutboxBundle.unpack(truncated)).isInstanceOf(IllegalStateException.class);
    }

    private static String[] ids(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID().toString();
        }
        return ids;
    }

    private String randomText(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) (random.nextInt(5) == 0 ? ' ' : 'a' + random.nextInt(26)));
        }
        return b.toString();
    }
}
