package dev.paperstream.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperSource;
import dev.paperstream.ingest.feed.PaperDraft;
import dev.paperstream.ingest.feed.UnnumberedVersion;
import dev.paperstream.ingest.store.PaperVersionRepository.LatestVersion;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VersionByDatesTest {

    static UnnumberedVersion record(String updated) {
        PaperDraft d = new PaperDraft();
        d.id = "2205.14135" + (updated == null ? "v1" : "v2");
        d.title = "FlashAttention";
        d.summary = "Tiling.";
        d.authors.add("Tri Dao");
        d.categories.add("cs.LG");
        d.published = "2022-05-27";
        d.updated = updated;
        PaperDiscovered p = d.toPaper(PaperSource.OAI);
        return new UnnumberedVersion("oai:arXiv.org:2205.14135", p, updated == null ? null : LocalDate.parse(updated));
    }

    static LatestVersion stored(int version, String lastChange) {
        return new LatestVersion(version, Instant.parse(lastChange));
    }

    @Test
    void withNothingStoredARecordWithoutUpdateIsVersionOneAndAnUpdatedOneVersionTwo() {
        assertThat(VersionByDates.decide(record(null), null)).isEqualTo(1);
        assertThat(VersionByDates.decide(record("2022-06-23"), null)).isEqualTo(2);
    }

    @Test
    void anUpdateAfterTheStoredVersionsDayIsTheNextVersion() {
        assertThat(VersionByDates.decide(record("2022-06-23"), stored(1, "2022-05-27T17:59:00Z"))).isEqualTo(2);
        assertThat(VersionByDates.decide(record("2022-07-10"), stored(2, "2022-06-23T14:02:11Z"))).isEqualTo(3);
    }

    @Test
    void anUpdateOnOrBeforeTheStoredVersionsDayIsADuplicateNeverAStepBack() {
        assertThat(VersionByDates.decide(record("2022-06-23"), stored(2, "2022-06-23T23:59:59Z"))).isZero();
        assertThat(VersionByDates.decide(record("2022-06-01"), stored(3, "2022-06-23T10:00:00Z"))).isZero();
    }

    @Test
    void aRecordWithoutUpdateIsVersionOneSoAnythingStoredCoversIt() {
        assertThat(VersionByDates.decide(record(null), stored(1, "2022-05-27T17:59:00Z"))).isZero();
        assertThat(VersionByDates.decide(record(null), stored(4, "2023-01-02T00:00:00Z"))).isZero();
    }
}
