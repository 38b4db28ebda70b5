package dev.paperstream.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.launcher.LocalSystem;
import dev.paperstream.launcher.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The faults of the suite, one at a time, each struck where the part holds work in flight, and how long the
 * system took to be ready again after each ended. A killed service is restarted by the launcher's supervisor.
 */
final class Faults {
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One injected fault, what it interrupted, and how long the system took to be ready again after it ended. */
    record Fault(String what, String inFlight, Duration readyAfter) {
    }

    private final List<Fault> injected = new ArrayList<>();
    private final Random random = new Random();
    private final LocalSystem system;
    private final Infrastructure infrastructure;
    private final SystemState state;
    private final Receivers receivers;
    private final String token;

    Faults(LocalSystem system, Infrastructure infrastructure, SystemState state, Receivers receivers, String token) {
        this.system = system;
        this.infrastructure = infrastructure;
        this.state = state;
        this.receivers = receivers;
        this.token = token;
    }

    List<Fault> injected() {
        return List.copyOf(injected);
    }

    void killIngestWhileItImports(Path file) throws Exception {
        long before = state.count("SELECT count(*) FROM ingest.paper_version");
        CompletableFuture<HttpResponse<String>> importing = importAsync(file);
        long killAt = before + 1_000 + random.nextInt(3_000);
        await("ingest storing the first file", () -> count("SELECT count(*) FROM ingest.paper_version") > killAt
                || importing.isDone());
        String inFlight = importing.isDone() ? "import already answered" : "import request open, "
                + (count("SELECT count(*) FROM ingest.paper_version") - before) + " of " + lines(file) + " stored";
        system.process(Service.INGEST).kill();
        injected.add(new Fault("SIGKILL ingest mid-import", inFlight, readyAgain(Service.INGEST)));
        JsonNode again = importSync(file);
        assertThat(again.path("accepted").asInt() + again.path("duplicates").asInt()).isEqualTo(lines(file));
    }

    void killIngestWhileItsOutboxHoldsEvents(Path file) throws Exception {
        importSync(file);
        long backlog = count("SELECT coalesce(sum(events), 0) FROM ingest.outbox");
        system.process(Service.INGEST).kill();
        injected.add(new Fault("SIGKILL ingest mid-relay", backlog + " events in its outbox", readyAgain(Service.INGEST)));
    }

    void killPriorityAndNotesWhileTheyConsume(Path file) throws Exception {
        long priorityBefore = count("SELECT count(*) FROM priority.paper");
        importSync(file);
        long priorityKillAt = priorityBefore + 500 + random.nextInt(2_000);
        await("priority consuming", () -> count("SELECT count(*) FROM priority.paper") > priorityKillAt);
        String priorityAt = storedOfImported("priority.paper");
        system.process(Service.PRIORITY).kill();
        injected.add(new Fault("SIGKILL priority mid-consumption", priorityAt, readyAgain(Service.PRIORITY)));
        // notes stores papers faster than priority scores them: it is killed while priority's scores pour in
        long notesKillAt = 200 + random.nextInt(1_000);
        await("notes lagging behind", () -> lag("notes-service") > notesKillAt);
        String notesAt = lag("notes-service") + " records of notes-service's lag";
        system.process(Service.NOTES).kill();
        injected.add(new Fault("SIGKILL notes mid-consumption", notesAt, readyAgain(Service.NOTES)));
    }

    private long lag(String group) {
        try {
            return state.consumerLag(Set.of(group));
        } catch (Exception e) {
            return -1;
        }
    }

    private String storedOfImported(String table) {
        return count("SELECT count(*) FROM " + table) + " of the " + count("SELECT count(*) FROM ingest.paper_version")
                + " imported papers stored";
    }

    void killNotesBetweenAWebhookSendAndItsRecord(Path file) throws Exception {
        receivers.onNextAnnouncement(() -> system.process(Service.NOTES).kill());
        importSync(file);
        await("an announcement to kill notes on", () -> !receivers.armed());
        injected.add(new Fault("SIGKILL notes between a webhook send and its record", "announcement received, not answered",
                readyAgain(Service.NOTES)));
    }

    void stopTheBrokerWhileTheConsumersHaveLag() throws Exception {
        long lag = state.consumerLag();
        long backlog = state.outboxBacklog();
        infrastructure.stopBroker();
        String noticed = outage();
        infrastructure.startBroker();
        injected.add(new Fault("broker stopped for 30 s", lag + " records of consumer lag, " + backlog
                + " events in outboxes; " + noticed, allReadyAgain()));
    }

    void stopPostgres(Path file) throws Exception {
        long before = state.count("SELECT count(*) FROM ingest.paper_version");
        CompletableFuture<HttpResponse<String>> importing = importAsync(file);
        await("ingest storing the last file", () -> count("SELECT count(*) FROM ingest.paper_version") > before + 2_000
                || importing.isDone());
        infrastructure.stopPostgres();
        String noticed = outage();
        infrastructure.startPostgres();
        Duration ready = allReadyAgain();
        HttpResponse<String> interrupted = importing.join();
        injected.add(new Fault("PostgreSQL stopped for 30 s", "import request open (answered "
                + (interrupted == null ? "nothing" : interrupted.statusCode()) + "); " + noticed, ready));
        // the request the outage broke is sent again, as a user would; what was accepted before is a duplicate
        JsonNode again = importSync(file);
        assertThat(again.path("accepted").asInt() + again.path("duplicates").asInt()).isEqualTo(lines(file));
    }

    /** Waits out an outage, asking the services' readiness meanwhile: which of them noticed it. */
    private String outage() {
        java.util.Set<String> down = new java.util.TreeSet<>();
        long end = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < end) {
            for (Service s : Service.values()) {
                if (!ready(s)) {
                    down.add(s.module());
                }
            }
            sleep(Duration.ofSeconds(2));
        }
        return "not ready during it: " + (down.isEmpty() ? "none" : String.join(", ", down));
    }

    /** From the end of a fault until the service answers ready (the supervisor restarts a killed one). */
    private Duration readyAgain(Service service) {
        long faultEnded = System.nanoTime();
        await(service.module() + " ready again", Duration.ofMinutes(3), () -> ready(service));
        return Duration.ofNanos(System.nanoTime() - faultEnded);
    }

    private Duration allReadyAgain() {
        long faultEnded = System.nanoTime();
        await("every service ready again", Duration.ofMinutes(3),
                () -> java.util.Arrays.stream(Service.values()).allMatch(this::ready));
        return Duration.ofNanos(System.nanoTime() - faultEnded);
    }

    private boolean ready(Service service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(system.url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    private CompletableFuture<HttpResponse<String>> importAsync(Path file) throws Exception {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(system.url(Service.INGEST) + "/api/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString())
                .exceptionally(broken -> null);
    }

    private JsonNode importSync(Path file) throws Exception {
        HttpResponse<String> answer = importAsync(file).join();
        assertThat(answer).as("import of " + file.getFileName()).isNotNull();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.path("rejected")).isEmpty();
        return result;
    }

    private long count(String sql) {
        try {
            return state.count(sql);
        } catch (Exception e) {
            return -1;
        }
    }

    private static int lines(Path file) throws Exception {
        return Files.readAllLines(file).size();
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofMinutes(5), condition);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
