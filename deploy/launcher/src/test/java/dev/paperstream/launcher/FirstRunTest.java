package dev.paperstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperstream.embedded.FreePorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./paperstream --once} as a new user runs it, as its own process: a fresh install with arXiv
 * reachable (a local stand-in replaying arXiv's real RSS and API responses) follows the default
 * subscriptions and prints today's ranked papers; the next run on a "weekend" says there is nothing new
 * and shows the queue it has. A launch that cannot go on says why in one sentence and exits 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstRunTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Pattern RANKED_ROW =
            Pattern.compile("^  (HIGH|MEDIUM|LOW) +\\S+ +\\S+ +(\\S+) ", Pattern.MULTILINE);

    private ArxivStandIn arxiv;
    private Path home;
    private final Map<String, String> ports = new HashMap<>();

    @BeforeAll
    void startArxivStandIn(@TempDir Path tmp) throws IOException {
        String dir = System.getProperty("paperstream.realdata.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "B-arxiv-rss")), "no ../shared/realdata here");
        List<Path> feeds;
        try (Stream<Path> files = Files.list(Path.of(dir, "B-arxiv-rss"))) {
            feeds = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        Path apiPage;
        try (Stream<Path> files = Files.list(Path.of(dir, "A-arxiv-api", "recorded-2026-body"))) {
            apiPage = files.filter(p -> p.getFileName().toString().startsWith("q_testing_s0_m100_")).findFirst()
                    .orElseThrow();
        }
        arxiv = new ArxivStandIn(feeds, apiPage);
        home = tmp.resolve("home");
        for (String variable : List.of("PAPERSTREAM_INGEST_PORT", "PAPERSTREAM_PRIORITY_PORT",
                "PAPERSTREAM_NOTES_PORT", "PAPERSTREAM_KERNEL_PORT", "PAPERSTREAM_KAFKA_PORT",
                "PAPERSTREAM_KAFKA_CONTROLLER_PORT", "PAPERSTREAM_POSTGRES_PORT")) {
            ports.put(variable, Integer.toString(FreePorts.find()));
        }
    }

    @AfterAll
    void stopArxivStandIn() {
        if (arxiv != null) {
            arxiv.close();
        }
    }

    @Test
    void aFreshInstallFollowsTheDefaultSubscriptionsShowsTodaysRankingAndOnAWeekendTheQueueItHas() throws Exception {
        Set<String> known = new HashSet<>(arxiv.rssIds());
        known.addAll(arxiv.apiIds());

        Run first = launch(Map.of());

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(arxiv.requests()).extracting(ArxivStandIn.Request::path)
                .containsSubsequence("/rss/cs.AI+cs.CL+cs.LG", "/api/query");
        assertThat(first.output()).contains("RSS   cs.AI+cs.CL+cs.LG: " + arxiv.rssIds().size() + " new")
                .contains("Ranked reading list").doesNotContain("not scored within").doesNotContain("bundled sample");
        List<String> ranked = rankedIds(first.output());
        assertThat(ranked).hasSize(Math.min(25, known.size()));
        assertThat(known).containsAll(ranked);
        assertThat(first.output()).contains("export PAPERSTREAM_ARXIV_CONTACT=");
        assertThat(arxiv.requests()).extracting(ArxivStandIn.Request::userAgent)
                .allSatisfy(agent -> assertThat(agent).startsWith("Paperstream/").doesNotContain("example"));

        arxiv.weekend(true);
        Run weekend = launch(Map.of());

        assertThat(weekend.exitCode()).as(weekend.output()).isZero();
        assertThat(weekend.output()).contains("nothing new since the last poll")
                .contains("RSS   cs.AI+cs.CL+cs.LG: 0 new");
        assertThat(rankedIds(weekend.output())).containsExactlyInAnyOrderElementsOf(ranked);
    }

    @Test
    void aChosenPortThatIsTakenStopsTheLaunchWithTheSettingThatChangesItAndNoStackTrace() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0)) {
            int taken = squatter.getLocalPort();

            Run run = launch(Map.of("PAPERSTREAM_POSTGRES_PORT", Integer.toString(taken)));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.output()).contains("Port " + taken + " for the embedded PostgreSQL is taken by another"
                    + " program. Set PAPERSTREAM_POSTGRES_PORT to a free port");
            assertThat(run.output()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void aLaunchThatFailsForAnyOtherReasonSaysSoInOneSentenceAndExitsNonZero() throws Exception {
        Path notADirectory = Files.createTempFile("paperstream-home", ".txt");

        Run run = launch(Map.of("PAPERSTREAM_HOME", notADirectory.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("Paperstream stopped: ").doesNotContain("\tat ");
    }

    private record Run(int exitCode, String output) {
    }

    private Run launch(Map<String, String> overrides) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--once"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PAPERSTREAM_") || k.startsWith("KAFKA_") || k.startsWith("QUARKUS_"));
        env.putAll(ports);
        env.put("PAPERSTREAM_REPO", ROOT.toString());
        env.put("PAPERSTREAM_HOME", home.toString());
        env.put("PAPERSTREAM_ADMIN_TOKEN", "first-run-test-admin-token-0123456789abcdef");
        env.put("PAPERSTREAM_START_TIMEOUT", "PT7M");
        env.put("PAPERSTREAM_ARXIV_API_URL", arxiv.url() + "/api/query");
        env.put("PAPERSTREAM_ARXIV_RSS_URL", arxiv.url() + "/rss");
        env.put("PAPERSTREAM_ARXIV_OAI_URL", arxiv.url() + "/oai");
        env.put("PAPERSTREAM_ARXIV_PDF_URL", arxiv.url() + "/pdf");
        env.putAll(overrides);
        Path log = Files.createTempFile("launcher-run", ".log");
        Process process = pb.redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the launcher did not finish within 10 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.println("---- launcher output ----\n" + output);
        return new Run(process.exitValue(), output);
    }

    private static List<String> rankedIds(String output) {
        String ranking = output.substring(output.indexOf("Ranked reading list"));
        List<String> ids = new ArrayList<>();
        Matcher m = RANKED_ROW.matcher(ranking);
        while (m.find()) {
            ids.add(m.group(2));
        }
        return ids;
    }
}
