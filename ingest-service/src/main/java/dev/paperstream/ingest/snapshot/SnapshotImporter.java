package dev.paperstream.ingest.snapshot;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.ingest.feed.Rejection;
import dev.paperstream.ingest.imports.ImportResult;
import dev.paperstream.ingest.imports.PaperImporter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Streams a metadata snapshot (JSON Lines) into paper versions and events in batches of
 * {@value #BATCH}, one transaction each, so memory stays bounded whatever the file size (the full
 * snapshot is about 3M lines). Logs progress (records, rate, ETA from the bytes read) as it goes. The
 * answer lists at most {@value #MAX_LISTED} ids and rejections; the counts are complete.
 */
@ApplicationScoped
public class SnapshotImporter {
    static final int BATCH = 5000;
    static final int MAX_LISTED = 10_000;
    private static final Logger LOG = Logger.getLogger(SnapshotImporter.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final PaperImporter importer;

    public SnapshotImporter(PaperImporter importer) {
        this.importer = importer;
    }

    /** Imports every line; {@code totalBytes} (or -1) is only used for the ETA. */
    public ImportResult importLines(InputStream body, long totalBytes) {
        CountingInputStream in = new CountingInputStream(body);
        long started = System.nanoTime();
        long lastReport = started;
        int accepted = 0;
        int duplicates = 0;
        int rejectedCount = 0;
        long lineNumber = 0;
        List<String> ids = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        List<PaperDiscovered> batch = new ArrayList<>(BATCH);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    batch.add(SnapshotRecords.parse(line));
                } catch (IllegalArgumentException e) {
                    rejectedCount++;
                    if (rejected.size() < MAX_LISTED) {
                        rejected.add(new Rejection("line " + lineNumber, e.getMessage()));
                    }
                }
                if (batch.size() == BATCH) {
                    ImportResult r = importer.importPapers(batch, List.of());
                    accepted += r.accepted();
                    duplicates += r.duplicates();
                    addIds(ids, r.ids());
                    batch.clear();
                }
                long now = System.nanoTime();
                if (now - lastReport > PROGRESS_EVERY.toNanos()) {
                    lastReport = now;
                    progress(lineNumber, in.count(), totalBytes, now - started);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the snapshot stopped at line " + lineNumber, e);
        }
        if (!batch.isEmpty()) {
            ImportResult r = importer.importPapers(batch, List.of());
            accepted += r.accepted();
            duplicates += r.duplicates();
            addIds(ids, r.ids());
        }
        LOG.infof("snapshot import done: %d lines, %d accepted, %d duplicates, %d rejected in %.1f s", lineNumber,
                accepted, duplicates, rejectedCount, (System.nanoTime() - started) / 1e9);
        return new ImportResult(accepted, duplicates, rejected, ids);
    }

    private static void addIds(List<String> ids, List<String> more) {
        for (String id : more) {
            if (ids.size() >= MAX_LISTED) {
                return;
            }
            ids.add(id);
        }
    }

    private static void progress(long lines, long bytes, long totalBytes, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = lines / seconds;
        String eta = totalBytes > 0 && bytes > 0
                ? String.format("%.0f s", seconds * (totalBytes - bytes) / bytes) : "unknown";
        LOG.infof("snapshot import: %d records, %.0f records/s, %d%% of the body, ETA %s", lines, rate,
                totalBytes > 0 ? bytes * 100 / totalBytes : -1, eta);
    }

    /** Counts the bytes read, for the ETA. */
    static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
