package dev.paperstream.launcher.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.launcher.bench.SnapshotRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The suite's import: real-shaped snapshot records in files, with papers the teams will be told about. */
final class SnapshotFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HIGH_EVERY = 50;

    private SnapshotFiles() {
    }

    /**
     * The real snapshot records with fresh ids, and every {@value #HIGH_EVERY}th replaced by a recent optimization
     * paper with code that both teams score HIGH, so that the channels have announcements to deliver.
     */
    static List<Path> write(Path folder, int papers, int files, Path realdata) throws Exception {
        Path all = Files.createTempFile(folder, "snapshot", ".jsonl");
        SnapshotRecords.write(all, papers, realdata);
        List<String> lines = new ArrayList<>(Files.readAllLines(all));
        for (int i = 0; i < lines.size(); i += HIGH_EVERY) {
            lines.set(i, highCandidate(JSON.readTree(lines.get(i)).path("id").asText(), i));
        }
        List<Path> written = new ArrayList<>();
        int per = papers / files;
        for (int i = 0; i < files; i++) {
            Path f = folder.resolve("snapshot-" + i + ".jsonl");
            Files.write(f, lines.subList(i * per, i == files - 1 ? papers : (i + 1) * per));
            written.add(f);
        }
        return written;
    }

    private static String highCandidate(String id, int i) throws Exception {
        String created = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusDays(3));
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("id", id);
        record.put("submitter", "Fault Suite");
        record.put("authors", "A. Author, B. Author");
        record.put("title", "An IO-aware fused attention kernel for faster transformer inference, part " + i);
        record.put("comments", "12 pages; code at https://github.com/paperstream-faults/kernel-" + i);
        record.put("categories", "cs.LG cs.AI");
        record.put("abstract", "We present an IO-aware fused attention kernel for GPU inference with a 2.4x speedup,"
                + " lower latency and higher throughput for transformer language models. Code:"
                + " https://github.com/paperstream-faults/kernel-" + i);
        record.put("versions", List.of(Map.of("version", "v1", "created", created)));
        record.put("update_date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3).toString());
        record.put("authors_parsed", List.of(List.of("Author", "A.", ""), List.of("Author", "B.", "")));
        return JSON.writeValueAsString(record);
    }
}
