package dev.paperstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One triage cycle: new papers in (live arXiv through ingest's polite client when arXiv can be
 * reached, else the bundled sample), then waits until every paper is scored and prints the ranking.
 */
public final class TriageCycle {
    private static final Pattern ENTRY_ID = Pattern.compile("<id>https?://arxiv\\.org/abs/([^<]+?)v\\d+</id>");

    private final LocalSystem system;
    private final ApiClient api;
    private final PrintStream out;

    public TriageCycle(LocalSystem system, ApiClient api, PrintStream out) {
        this.system = system;
        this.api = api;
        this.out = out;
    }

    public void run(Map<String, String> env, Duration timeout) {
        boolean forceSample = Boolean.parseBoolean(env.getOrDefault("PAPERSTREAM_SAMPLE", "false"));
        String arxivApi = env.getOrDefault("PAPERSTREAM_ARXIV_API_URL", "https://export.arxiv.org/api/query");
        Set<String> expected;
        if (!forceSample && reachable(URI.create(arxivApi)) && pollLive()) {
            expected = Set.of();
        } else {
            out.println(forceSample
                    ? "Triage: PAPERSTREAM_SAMPLE=true, importing the bundled sample."
                    : "Triage: arXiv (" + arxivApi + ") cannot be reached from here, importing the bundled sample"
                            + " instead.");
            out.println("        The sample is written by the Paperstream team in arXiv's Atom format: invented"
                    + " papers, not real arXiv data.");
            expected = importSample();
        }
        awaitScored(expected, timeout);
        printRanking();
    }

    private boolean pollLive() {
        out.println("Triage: arXiv is reachable, polling the subscriptions through ingest's shared client...");
        ApiClient.Answer a = api.post(system.url(Service.INGEST) + "/api/subscriptions/poll", "application/json", "{}");
        if (a.status() / 100 != 2) {
            out.println("        polling failed (" + a.status() + "): " + a.body());
            return false;
        }
        out.println("        " + a.body());
        return true;
    }

    private Set<String> importSample() {
        String feed = SampleFeed.render(Instant.now());
        JsonNode answer = api.post(system.url(Service.INGEST) + "/api/imports", "application/atom+xml", feed)
                .expect(200).json();
        out.printf("        imported: %d accepted, %d duplicates (seen in an earlier run), %d rejected%n",
                answer.path("accepted").asInt(), answer.path("duplicates").asInt(), answer.path("rejected").size());
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ENTRY_ID.matcher(feed);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** Waits until notes lists every expected paper with a priority, or, for live polls, until the list settles. */
    private void awaitScored(Set<String> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastCount = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            JsonNode items = api.get(system.url(Service.NOTES) + "/api/papers?limit=500").expect(200).json().path("items");
            Set<String> scored = new LinkedHashSet<>();
            items.forEach(i -> {
                if (!i.path("priority").isNull() && !i.path("priority").isMissingNode()) {
                    scored.add(i.path("id").asText());
                }
            });
            if (!expected.isEmpty() && scored.containsAll(expected)) {
                return;
            }
            if (expected.isEmpty()) {
                if (scored.size() != lastCount) {
                    lastCount = scored.size();
                    stableSince = System.nanoTime();
                } else if (lastCount > 0 && System.nanoTime() - stableSince > Duration.ofSeconds(10).toNanos()) {
                    return;
                }
            }
            sleep(500);
        }
        out.println("        (not every paper was scored within " + timeout.toSeconds() + " s; showing what is there)");
    }

    private void printRanking() {
        JsonNode items = api.get(system.url(Service.NOTES) + "/api/papers?limit=25").expect(200).json().path("items");
        out.println();
        out.println("Ranked reading list (newest and highest first):");
        out.printf("  %-8s %5s  %-13s %-12s %s%n", "PRIORITY", "SCORE", "TYPE", "ARXIV ID", "TITLE");
        for (JsonNode i : items) {
            String title = i.path("title").asText();
            out.printf("  %-8s %5s  %-13s %-12s %s%n", i.path("priority").asText("-"), i.path("score").asText("-"),
                    i.path("paperType").asText("-"), i.path("id").asText(),
                    title.length() > 70 ? title.substring(0, 67) + "..." : title);
        }
        for (JsonNode i : items) {
            if ("HIGH".equals(i.path("priority").asText())) {
                JsonNode paper = api.get(system.url(Service.NOTES) + "/api/papers/" + i.path("id").asText()).json();
                out.println();
                out.println("Why " + i.path("id").asText() + " is HIGH for team " + i.path("team").asText() + ":");
                for (JsonNode s : paper.path("scores")) {
                    if (s.path("team").asText().equals(i.path("team").asText())) {
                        s.path("reasons").forEach(r -> out.println("  - " + r.asText()));
                    }
                }
                break;
            }
        }
    }

    private static boolean reachable(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), 3000);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
