package dev.paperstream.ingest.imports;

import dev.paperstream.ingest.feed.UnnumberedVersion;
import dev.paperstream.ingest.store.PaperVersionRepository.LatestVersion;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Numbers a record that names no version (OAI-PMH {@code arXiv}) from its dates and the latest version
 * ingest has stored. It never publishes a version at or below a stored one, so a record seen again, or
 * an older record arriving late, is a duplicate and never a step back:
 * <ul>
 * <li>nothing stored: version 1 without {@code updated}; with it, version 2, the lowest the record
 *     proves (only a paper with several versions has an {@code updated} day);</li>
 * <li>stored, record without {@code updated}: it describes version 1, which is stored or older: duplicate;</li>
 * <li>stored, {@code updated} after the day (UTC) of the stored version's last change: the stored version + 1;</li>
 * <li>stored, {@code updated} on or before that day: duplicate.</li>
 * </ul>
 * The arXiv format gives days, so a second version submitted on the day of the stored one counts as
 * that one; arXivRaw, RSS and the query API name exact versions and correct it when they bring it.
 */
final class VersionByDates {
    /** The version to publish, or 0 when the record adds nothing to what is stored. */
    static int decide(UnnumberedVersion record, LatestVersion stored) {
        if (stored == null) {
            return record.paper().version();
        }
        if (record.updated() == null) {
            return 0;
        }
        LocalDate storedDay = LocalDate.ofInstant(stored.lastChange(), ZoneOffset.UTC);
        return record.updated().isAfter(storedDay) ? stored.version() + 1 : 0;
    }

    private VersionByDates() {
    }
}
