package dev.paperstream.ingest.snapshot;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.ingest.feed.Rejection;
import dev.paperstream.ingest.imports.ImportResult;
import dev.paperstream.ingest.imports.PaperImporter;
import jakarta.enterprise.context.ApplicationScoped;
import dev.paperstream.ingest.imports.FieldLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Streams a metadata snapshot (JSON Lines) into paper versions and events in batches of
 * {@value #BATCH}, one transaction each, so memory stays bounded whatever the file size (the full
 * snapshot is about 3M lines); a batch is stored while the next one is parsed, and batches commit in
 * file order. Logs progress (records, rate, ETA from the bytes read) as it goes. The
 * answer lists at most {@value #MAX_LISTED} ids and rejections; the counts are complete.
 */
@ApplicationScoped
public class SnapshotImporter {
    static final int BATCH = 5000;
    static final int MAX_LISTED = 10_000;
    private static final Logger LOG = Logger.getLogger(SnapshotImporter.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final PaperImporter importer;
    private final FieldLimits limits;

    public SnapshotImporter(PaperImporter importer, FieldLimits limits) {
        this.importer = importer;
        this.limits = limits;
    }

    /** Imports every line; {@code totalBytes} (or -1) is only used for the ETA. */
    public ImportResult importLines(InputStream body, long totalBytes) {
        CountingInputStream in = new CountingInputStream(body);
        long started = System.nanoTime();
        long lastReport = started;
        long lineNumber = 0;
        List<Rejection> rejected = new ArrayList<>();
        List<PaperDiscovered> batch = new ArrayList<>(BATCH);
        Totals totals = new Totals(rejected);
        // parsing and storing overlap: at most one batch is being stored while the next is parsed
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "snapshot-import-writer"));
        Future<ImportResult> writing = null;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            SnapshotLines lines = new SnapshotLines(reader, limits.snapshotLineLength());
            String line;
            while ((line = lines.next()) != null) {
                lineNumber++;
                if (lines.skippedLength() >= 0) {
                    totals.reject(new Rejection("line " + lineNumber, "the line has " + lines.skippedLength()
                            + " characters, more than the limit of " + limits.snapshotLineLength()
                            + " (paperstream.imports.limits.snapshot-line-length)"));
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    batch.add(SnapshotRecords.parse(line));
                } catch (IllegalArgumentException e) {
                    totals.reject(new Rejection("line " + lineNumber, e.getMessage()));
                }
                if (batch.size() == BATCH) {
                    totals.add(writing);
                    writing = write(writer, batch);
                    batch = new ArrayList<>(BATCH);
                }
                long now = System.nanoTime();
                if (now - lastReport > PROGRESS_EVERY.toNanos()) {
                    lastReport = now;
                    progress(lineNumber, in.count(), totalBytes, now - started);
                }
            }
            totals.add(writing);
            if (!batch.isEmpty()) {
                totals.add(write(writer, batch));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the snapshot stopped at line " + lineNumber, e);
        } finally {
            // a batch still being stored when reading fails is complete: it commits, as it would have in turn
            writer.shutdown();
        }
        LOG.infof("snapshot import done: %d lines, %d accepted, %d duplicates, %d rejected in %.1f s", lineNumber,
                totals.accepted, totals.duplicates, totals.rejected, (System.nanoTime() - started) / 1e9);
        return new ImportResult(totals.accepted, totals.duplicates, rejected, totals.ids);
    }

    /** Stores the batch on the writer thread, one transaction, while the caller parses the next one. */
    private Future<ImportResult> write(ExecutorService writer, List<PaperDiscovered> batch) {
        return writer.submit(() -> importer.importPapers(batch, List.of()));
    }

    /** What the stored batches add up to, with the lines refused while parsing. */
    private static final class Totals {
        int accepted;
        int duplicates;
        int rejected;
        final List<String> ids = new ArrayList<>();
        final List<Rejection> rejections;

        Totals(List<Rejection> rejections) {
            this.rejections = rejections;
        }

        void reject(Rejection rejection) {
            rejected++;
            if (rejections.size() < MAX_LISTED) {
                rejections.add(rejection);
            }
        }

        /** Waits for the batch (null: none) and counts it; a failed batch fails the import. */
        void add(Future<ImportResult> batch) {
            if (batch == null) {
                return;
            }
            ImportResult r;
            try {
                r = batch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("snapshot import interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
            accepted += r.accepted();
            duplicates += r.duplicates();
            // records over a field limit, refused by the importer (the batch itself has no parse rejections)
            r.rejected().forEach(this::reject);
            for (String id : r.ids()) {
                if (ids.size() >= MAX_LISTED) {
                    return;
                }
                ids.add(id);
            }
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
