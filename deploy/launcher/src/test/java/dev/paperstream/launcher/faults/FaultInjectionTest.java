package dev.paperstream.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.launcher.LocalSystem;
import dev.paperstream.launcher.Service;
import dev.paperstream.launcher.SystemSettings;
import dev.paperstream.embedded.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fault-injection suite: a 50,000-paper import (five snapshot files of 10,000) through the four
 * packaged services, with three channels per team on local receivers, while one part fails at a time: each
 * service is SIGKILLed at a point where it holds work in flight, the broker is stopped for 30 s, PostgreSQL is
 * stopped for 30 s. A service that dies is restarted by the launcher's supervisor, as under {@code ./paperstream}.
 * Once lag, outboxes and deliveries are drained, the tests below check the invariants. The figures go to
 * {@code target/fault-injection-report.md}. {@code -Dpaperstream.faults.papers=N} changes the size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {
    private static final int PAPERS = Integer.getInteger("paperstream.faults.papers", 50_000);
    private static final int FILES = 5;
    private static final List<String> TEAMS = List.of("default", "efficiency");
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Faults faults;
    private Infrastructure infrastructure;
    private LocalSystem system;
    private SystemState state;
    private Receivers receivers;
    private String token;
    private long scenarioMillis;
    private long drainMillis;

    @BeforeAll
    void importFiftyThousandPapersWhileEachPartFailsInTurn() throws Exception {
        infrastructure = new Infrastructure();
        receivers = new Receivers();
        token = SystemSettings.generateToken();
        Map<String, String> env = new HashMap<>();
        env.put("PAPERSTREAM_HOME", infrastructure.home().toString());
        env.put("PAPERSTREAM_ADMIN_TOKEN", token);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl());
        for (Service s : Service.values()) {
            env.put(s.portVariable(), Integer.toString(FreePorts.find()));
        }
        // a delivery whose sender was killed is sent again once its claim lease runs out: the shortest allowed
        system = new LocalSystem(SystemSettings.fromEnvironment(env, ROOT), Map.of(
                "PAPERSTREAM_NOTIFY_CLAIM_LEASE", "PT20S",
                "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S",
                "PAPERSTREAM_ARXIV_API_URL", "http://127.0.0.1:9/unreachable"));
        system.reportTo(line -> System.out.println("[launcher] " + line));
        system.startInfrastructure();
        system.startServices(Duration.ofMinutes(5));
        system.superviseServices();
        state = new SystemState(infrastructure.jdbcUrl(), infrastructure.bootstrapServers());
        setUpTeams();

        List<Path> files = SnapshotFiles.write(infrastructure.home(), PAPERS, FILES, ROOT.resolve("../shared/realdata"));
        faults = new Faults(system, infrastructure, state, receivers, token);
        long start = System.currentTimeMillis();
        faults.killIngestWhileItImports(files.get(0));
        faults.killIngestWhileItsOutboxHoldsEvents(files.get(1));
        faults.killPriorityAndNotesWhileTheyConsume(files.get(2));
        faults.killNotesBetweenAWebhookSendAndItsRecord(files.get(3));
        faults.stopTheBrokerWhileTheConsumersHaveLag();
        faults.stopPostgres(files.get(4));
        scenarioMillis = System.currentTimeMillis() - start;
        drain();
        drainMillis = System.currentTimeMillis() - start - scenarioMillis;
        FaultReport.write(Path.of("target/fault-injection-report.md"), PAPERS, faults.injected(), scenarioMillis, drainMillis,
                state, receivers);
    }

    @AfterAll
    void stopEverything() {
        if (system != null) {
            system.close();
        }
        if (state != null) {
            state.close();
        }
        if (receivers != null) {
            receivers.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void everyPaperVersionIsStoredOnceInEachService() throws Exception {
        assertThat(state.count("SELECT count(*) FROM ingest.paper_version")).isEqualTo(PAPERS);
        assertThat(state.count("SELECT count(DISTINCT (arxiv_id, version)) FROM ingest.paper_version")).isEqualTo(PAPERS);
        assertThat(state.count("SELECT count(*) FROM priority.paper")).isEqualTo(PAPERS);
        assertThat(state.count("SELECT count(*) FROM notes.paper")).isEqualTo(PAPERS);
    }

    @Test
    void eachPaperHasOneScorePerTeamInPriorityAndInNotes() throws Exception {
        assertThat(state.count("SELECT count(*) FROM priority.score WHERE team = 'default'")).isEqualTo(PAPERS);
        long scores = state.count("SELECT count(*) FROM priority.score");
        assertThat(state.count("SELECT count(DISTINCT (paper_id, team)) FROM priority.score")).isEqualTo(scores);
        assertThat(state.count("SELECT count(*) FROM notes.paper_score")).isEqualTo(scores);
        assertThat(state.count("""
                SELECT count(*) FROM priority.score p LEFT JOIN notes.paper_score n
                    ON n.paper_id = p.paper_id AND n.team = p.team AND n.version = p.version AND n.priority = p.priority
                 WHERE n.paper_id IS NULL""")).as("scores missing or different in notes").isZero();
    }

    @Test
    void eachChannelAnnouncesEachHighPaperOfItsTeamUnderOneDeliveryId() throws Exception {
        for (String team : TEAMS) {
            long high = state.count("SELECT count(*) FROM priority.score WHERE priority = 'HIGH' AND team = '" + team + "'");
            assertThat(high).as("HIGH papers for " + team).isPositive();
            for (String channel : channels(team)) {
                Map<String, Set<String>> idsByPaper = receivers.idsByChannelAndPaper().getOrDefault(channel, Map.of());
                assertThat(idsByPaper).as(channel + ": papers announced").hasSize((int) high);
                assertThat(idsByPaper.values()).as(channel + ": one delivery id per paper, repeats carry it")
                        .allSatisfy(ids -> assertThat(ids).hasSize(1).doesNotContain("null"));
            }
        }
    }

    @Test
    void nothingWasDeadLettered() throws Exception {
        assertThat(state.deadLetters()).allSatisfy((topic, records) -> assertThat(records).as(topic).isZero());
    }

    @Test
    void everyServiceWasReadyWithinAMinuteOfEachFaultEnding() {
        assertThat(faults.injected()).hasSize(7).allSatisfy(f -> assertThat(f.readyAfter()).as(f.what()).isLessThan(READY_WITHIN));
    }

    /** A second team beside the default one (which follows everything), each with three channels. */
    private void setUpTeams() {
        HttpResponse<String> profile = send(HttpRequest.newBuilder(URI.create(system.url(Service.PRIORITY)
                + "/api/teams/efficiency/profile")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"categories\":[\"cs.LG\",\"cs.CL\",\"stat.ML\"],\"terms\":"
                        + "[{\"term\":\"attention\",\"weight\":2},{\"term\":\"transformer\",\"weight\":1}],"
                        + "\"seedPapers\":[],\"matchAll\":false}")));
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        for (String team : TEAMS) {
            List<Map<String, Object>> list = new ArrayList<>();
            List<String> names = channels(team);
            list.add(Map.of("kind", "webhook", "target", receivers.url(names.get(0))));
            list.add(Map.of("kind", "webhook", "target", receivers.url(names.get(1))));
            list.add(Map.of("kind", "slack", "target", receivers.url(names.get(2))));
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(system.url(Service.NOTES) + "/api/teams/" + team + "/channels"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(list))));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }

    private static List<String> channels(String team) {
        return List.of(team + "/webhook-1", team + "/webhook-2", team + "/slack");
    }

    /** Waits until every queue is empty: outboxes, consumer lag, pending deliveries, and every paper in notes. */
    private void drain() {
        Faults.await("outboxes, lag and deliveries drained", Duration.ofMinutes(15), () -> {
            try {
                return state.count("SELECT count(*) FROM notes.paper p WHERE NOT EXISTS"
                        + " (SELECT 1 FROM notes.paper_unscored u WHERE u.paper_id = p.id)") == PAPERS && state.outboxBacklog() == 0
                        && state.consumerLag() == 0
                        && state.count("SELECT count(*) FROM notes.notification WHERE status <> 'DELIVERED'") == 0;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
