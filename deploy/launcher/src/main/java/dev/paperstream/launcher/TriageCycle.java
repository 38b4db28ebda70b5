package dev.paperstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One triage cycle: new papers in (the subscriptions polled through ingest's polite client when arXiv
 * can be reached, else the bundled sample), then waits until every new paper is scored and prints the
 * ranking; a poll that finds nothing new (weekends, holidays) says so and shows the queue as it is.
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
        if (!forceSample && reachable(URI.create(arxivApi))) {
            Optional<Set<String>> fresh = pollLive();
            if (fresh.isPresent() && fresh.get().isEmpty()) {
                out.println("        arXiv has nothing new since the last poll (it announces nothing on weekends and"
                        + " holidays); here is the queue you already have.");
            } else if (fresh.isPresent()) {
                awaitScored(fresh.get(), timeout);
            } else {
                out.println("        here is the queue you already have.");
            }
            printRanking();
            return;
        }
        out.println(forceSample
                ? "Triage: PAPERSTREAM_SAMPLE=true, importing the bundled sample."
                : "Triage: arXiv (" + arxivApi + ") cannot be reached from here, importing the bundled sample"
                        + " instead.");
        out.println("        The sample is written by the Paperstream team in arXiv's Atom format: invented"
                + " papers, not real arXiv data.");
        awaitScored(importSample(), timeout);
        printRanking();
    }

    /** The ids of the papers the poll found new, or empty when no source could be polled. */
    private Optional<Set<String>> pollLive() {
        out.println("Triage: arXiv is reachable, polling the subscriptions through ingest's shared client"
                + " (one request every 3 s)...");
        ApiClient.Answer a = api.post(system.url(Service.INGEST) + "/api/subscriptions/poll", "application/json", "{}");
        if (a.status() / 100 != 2) {
            out.println("        polling failed (" + a.status() + "): " + a.body());
            return Optional.empty();
        }
        JsonNode outcomes = a.json();
        if (outcomes.isEmpty()) {
            out.println("        nothing is subscribed: add categories or queries at POST "
                    + system.url(Service.INGEST) + "/api/subscriptions");
            return Optional.empty();
        }
        Set<String> ids = new LinkedHashSet<>();
        boolean anyAnswered = false;
        for (JsonNode o : outcomes) {
            String value = o.path("value").asText();
            String source = ("category".equals(o.path("kind").asText()) ? "RSS   " : "query ")
                    + (value.length() > 60 ? value.substring(0, 57) + "..." : value);
            if (!o.path("error").isNull() && !o.path("error").isMissingNode()) {
                out.println("        " + source + ": failed: " + o.path("error").asText());
                continue;
            }
            anyAnswered = true;
            out.printf("        %s: %d new, %d already known, %d rejected%n", source, o.path("accepted").asInt(),
                    o.path("duplicates").asInt(), o.path("rejected").asInt());
            o.path("ids").forEach(id -> ids.add(id.asText()));
        }
        return anyAnswered ? Optional.of(ids) : Optional.empty();
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

    /**
     * Waits until notes shows a score for every expected paper. Asks paper by paper in import order and
     * stops at the first one not scored yet, so a large import costs one request per paper in all.
     */
    private void awaitScored(Set<String> expected, Duration timeout) {
        List<String> waiting = new ArrayList<>(expected);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            Iterator<String> next = waiting.iterator();
            while (next.hasNext()) {
                ApiClient.Answer paper = api.get(system.url(Service.NOTES) + "/api/papers/" + next.next());
                if (paper.status() != 200 || paper.json().path("scores").isEmpty()) {
                    break;
                }
                next.remove();
            }
            if (!waiting.isEmpty()) {
                sleep(500);
            }
        }
        if (!waiting.isEmpty()) {
            out.println("        (" + waiting.size() + " of " + expected.size() + " papers were not scored within "
                    + timeout.toSeconds() + " s; showing what is there)");
        }
    }

    private void printRanking() {
        JsonNode items = api.get(system.url(Service.NOTES) + "/api/papers?limit=25").expect(200).json().path("items");
        out.println();
        if (items.isEmpty()) {
            out.println("The reading queue is empty. PAPERSTREAM_SAMPLE=true ./paperstream imports the bundled sample.");
            return;
        }
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
