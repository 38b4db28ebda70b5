package dev.paperstream.launcher.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real-shaped arXiv snapshot records (as ingest's SnapshotImportBenchmark makes them): the real records of
 * {@code ../shared/realdata/F-*} in turn, each with a fresh new-style id, or synthetic ones of about 600
 * bytes where that folder is absent (then said on the console).
 */
public final class SnapshotRecords {
    private SnapshotRecords() {
    }

    public static void write(Path file, int n, Path realdata) throws IOException {
        write(file, 0, n, realdata);
    }

    /** Records number {@code first} to {@code first + n - 1}: files written for distinct ranges share no id. */
    public static void write(Path file, int first, int n, Path realdata) throws IOException {
        List<String> real = real(realdata);
        System.out.println(real.isEmpty() ? "no " + realdata + ": synthetic records"
                : n + " records made from the " + real.size() + " real snapshot records of " + realdata);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = first; i < first + n; i++) {
                String id = String.format("%02d%02d.%05d", 10 + i / 1_200_000, 1 + (i / 100_000) % 12, i % 100_000);
                if (!real.isEmpty()) {
                    String line = real.get(i % real.size());
                    int start = line.indexOf("\"id\":\"") + 6;
                    w.write(line.substring(0, start) + id + line.substring(line.indexOf('"', start)));
                } else {
                    w.write("{\"id\":\"" + id + "\",\"submitter\":\"Bench\",\"authors\":\"A. Author, B. Author\","
                            + "\"title\":\"Synthetic paper " + i + " on tiled attention\",\"comments\":\"8 pages\","
                            + "\"journal-ref\":null,\"doi\":null,\"report-no\":null,\"categories\":\"cs.LG cs.AI\","
                            + "\"license\":null,\"abstract\":\"We study synthetic record " + i + " to measure how fast"
                            + " the system triages papers.\",\"versions\":[{\"version\":\"v1\","
                            + "\"created\":\"Mon, 2 Apr 2007 19:18:42 GMT\"}],\"update_date\":\"2008-11-13\","
                            + "\"authors_parsed\":[[\"Author\",\"A.\",\"\"],[\"Author\",\"B.\",\"\"]]}");
                }
                w.write('\n');
            }
        }
    }

    private static List<String> real(Path realdata) throws IOException {
        if (!Files.isDirectory(realdata)) {
            return List.of();
        }
        try (var folders = Files.list(realdata)) {
            Path folder = folders.filter(f -> f.getFileName().toString().startsWith("F-")).sorted().findFirst()
                    .orElse(null);
            if (folder == null) {
                return List.of();
            }
            try (var files = Files.list(folder)) {
                List<String> lines = new ArrayList<>();
                for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                    Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
                }
                return lines;
            }
        }
    }
}
