package dev.paperstream.notes.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.Priority;
import dev.paperstream.notes.store.ReminderDeliveries;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The overdue check's settings bounds, and which claimers get a reminder of their own. */
class OverdueSettingsTest {
    private static NotifyConfig config(Duration interval, int pageSize) {
        return (NotifyConfig) Proxy.newProxyInstance(NotifyConfig.class.getClassLoader(),
                new Class<?>[] {NotifyConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "overdueCheckInterval" -> interval;
                    case "overduePageSize" -> pageSize;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void intervalAndPageSizeOutsideTheirBoundsStopTheStartNamingTheSetting() {
        OverdueReminders.checkSettings(config(Duration.ofMinutes(15), 500));
        OverdueReminders.checkSettings(config(Duration.ofMinutes(1), 1));
        OverdueReminders.checkSettings(config(Duration.ofHours(24), 5000));
        assertThatThrownBy(() -> OverdueReminders.checkSettings(config(Duration.ofSeconds(59), 500)))
                .hasMessageContaining("paperstream.notify.overdue-check-interval");
        assertThatThrownBy(() -> OverdueReminders.checkSettings(config(Duration.ofHours(25), 500)))
                .hasMessageContaining("paperstream.notify.overdue-check-interval");
        assertThatThrownBy(() -> OverdueReminders.checkSettings(config(Duration.ofMinutes(15), 0)))
                .hasMessageContaining("paperstream.notify.overdue-page-size");
        assertThatThrownBy(() -> OverdueReminders.checkSettings(config(Duration.ofMinutes(15), 5001)))
                .hasMessageContaining("paperstream.notify.overdue-page-size");
    }

    @Test
    void onlyAClaimerShapedLikeAnAddressIsWrittenTo() {
        assertThat(ReminderDeliveries.looksLikeAddress("reader@example.org")).isTrue();
        assertThat(ReminderDeliveries.looksLikeAddress("editor")).isFalse();
        assertThat(ReminderDeliveries.looksLikeAddress("a@b")).isFalse();
        assertThat(ReminderDeliveries.looksLikeAddress("a@example.org, b@example.org")).isFalse();
        assertThat(ReminderDeliveries.looksLikeAddress(null)).isFalse();
    }

    @Test
    void theStatusesStillOwingAPassFollowTheDuePolicy() {
        assertThat(ReminderDeliveries.notDone(Priority.HIGH)).containsExactly("NOT_STARTED", "PASS1_DONE");
        assertThat(ReminderDeliveries.notDone(Priority.MEDIUM)).containsExactly("NOT_STARTED");
        assertThat(ReminderDeliveries.notDone(Priority.LOW)).isEmpty();
    }
}
