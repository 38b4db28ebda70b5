package dev.paperstream.launcher.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The figures of a fault-injection run, as a Markdown table printed and written to a file. */
final class FaultReport {
    private FaultReport() {
    }

    static void write(Path file, int papers, List<Faults.Fault> faults, long scenarioMillis,
            long drainMillis, SystemState state, Receivers receivers) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("# Fault injection: ").append(String.format("%,d", papers)).append(" papers\n\n");
        out.append("| fault | in flight when it struck | ready again after |\n|---|---|---|\n");
        for (Faults.Fault f : faults) {
            out.append(String.format("| %s | %s | %.1f s |%n", f.what(), f.inFlight(), f.readyAfter().toMillis() / 1000.0));
        }
        long scores = state.count("SELECT count(*) FROM priority.score");
        long high = state.count("SELECT count(*) FROM priority.score WHERE priority = 'HIGH'");
        Map<String, Long> deadLetters = state.deadLetters();
        out.append(String.format("%n- Imports and faults: %.0f s; drained (lag, outboxes, deliveries) %.0f s later.%n",
                scenarioMillis / 1000.0, drainMillis / 1000.0));
        out.append(String.format("- Stored: ingest %d paper versions, priority %d papers and %d scores, notes %d papers"
                        + " and %d scores.%n", state.count("SELECT count(*) FROM ingest.paper_version"),
                state.count("SELECT count(*) FROM priority.paper"), scores,
                state.count("SELECT count(*) FROM notes.paper"), state.count("SELECT count(*) FROM notes.paper_score")));
        out.append(String.format("- On Kafka: paper.discovered %d records, paper.scored %d records for %d scores"
                        + " (at-least-once relays: a repeat after a kill is absorbed by the consumers).%n",
                state.records("paper.discovered"), state.records("paper.scored"), scores));
        out.append(String.format("- Announcements: %d HIGH (paper, team) pairs, %d requests received on %d channels,"
                        + " %d of them repeats of an id already received.%n", high, receivers.deliveries().size(),
                receivers.idsByChannelAndPaper().size(), receivers.repeatedRequests()));
        out.append("- Dead-letter topics: ").append(deadLetters.isEmpty() ? "none created" : deadLetters).append('\n');
        System.out.println(out);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out);
    }
}
