package dev.paperstream.ingest.imports;

import dev.paperstream.ingest.feed.Rejection;
import java.util.List;

/** The answer to an import: new versions accepted, known versions skipped, items refused and why. */
public record ImportResult(int accepted, int duplicates, List<Rejection> rejected, List<String> ids) {
    public ImportResult {
        rejected = List.copyOf(rejected);
        ids = List.copyOf(ids);
    }
}
