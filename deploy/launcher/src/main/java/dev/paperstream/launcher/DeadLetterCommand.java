package dev.paperstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./paperstream dead-letters list [service] [--channel C] [--limit N]} and
 * {@code ./paperstream dead-letters replay <service> <channel | topic/partition/offset>}: the services' admin
 * API for dead letters ({@code /api/admin/dead-letters}) from the command line, for a running system. A
 * service is found at {@code PAPERSTREAM_<SERVICE>_URL}, else on localhost at {@code PAPERSTREAM_<SERVICE>_PORT}
 * or its default port; the admin token comes from {@code PAPERSTREAM_ADMIN_TOKEN}. Exit status 0 when every
 * call succeeded, 1 when a service refused or could not be reached, 2 for a wrong command line.
 */
public final class DeadLetterCommand {
    public static final String NAME = "dead-letters";
    static final String USAGE = """
            usage: ./paperstream dead-letters list [service] [--channel CHANNEL] [--limit N]
                   ./paperstream dead-letters replay SERVICE CHANNEL
                   ./paperstream dead-letters replay SERVICE TOPIC/PARTITION/OFFSET
            services: ingest, priority, notes, kernel; PAPERSTREAM_ADMIN_TOKEN must hold the admin token""";
    private static final int REASON_SHOWN = 160;

    private final Map<String, String> env;
    private final PrintStream out;

    public DeadLetterCommand(Map<String, String> env, PrintStream out) {
        this.env = Map.copyOf(env);
        this.out = out;
    }

    public int run(List<String> args) {
        String token = env.get("PAPERSTREAM_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            out.println("PAPERSTREAM_ADMIN_TOKEN is not set: use the admin token the launcher printed or was given");
            return 2;
        }
        ApiClient api = new ApiClient(token);
        try {
            if (args.size() >= 1 && args.get(0).equals("list")) {
                return list(api, args.subList(1, args.size()));
            }
            if (args.size() == 3 && args.get(0).equals("replay")) {
                Optional<Service> service = service(args.get(1));
                return service.isEmpty() ? usage("unknown service '" + args.get(1) + "'")
                        : replay(api, service.get(), args.get(2));
            }
        } catch (NumberFormatException e) {
            return usage("not a number: " + e.getMessage());
        }
        return usage(null);
    }

    private int list(ApiClient api, List<String> args) {
        List<Service> services = new ArrayList<>(List.of(Service.values()));
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--channel") || a.equals("--limit")) && i + 1 < args.size()) {
                String value = args.get(++i);
                query.append(query.isEmpty() ? "?" : "&").append(a.substring(2)).append('=')
                        .append(a.equals("--limit") ? Integer.toString(Integer.parseInt(value))
                                : URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if (service(a).isPresent() && i == 0) {
                services = List.of(service(a).get());
            } else {
                return usage("unexpected '" + a + "'");
            }
        }
        int status = 0;
        for (Service s : services) {
            Optional<JsonNode> answer = call(s, () -> api.get(url(s) + "/api/admin/dead-letters" + query));
            if (answer.isEmpty()) {
                status = 1;
                continue;
            }
            JsonNode letters = answer.get().path("deadLetters");
            out.printf("%s: %d dead letter%s%n", s.module(), letters.size(), letters.size() == 1 ? "" : "s");
            for (JsonNode d : letters) {
                out.printf("  %-18s %s/%d/%d  %s  key %s  from %s/%s/%s%s%n", d.path("channel").asText(),
                        d.path("topic").asText(), d.path("partition").asInt(), d.path("offset").asLong(),
                        d.path("timestamp").asText(), d.path("key").asText(), d.path("originalTopic").asText(),
                        d.path("originalPartition").asText(), d.path("originalOffset").asText(),
                        d.path("replayedAt").isNull() || d.path("replayedAt").isMissingNode() ? ""
                                : "  replayed " + d.path("replayedAt").asText());
                out.println("    reason: " + shortened(d.path("reason").asText()));
            }
        }
        return status;
    }

    private int replay(ApiClient api, Service service, String what) {
        String[] parts = what.split("/");
        Map<String, Object> body = parts.length == 3
                ? Map.of("topic", parts[0], "partition", Integer.parseInt(parts[1]), "offset", Long.parseLong(parts[2]))
                : Map.of("channel", what);
        Optional<JsonNode> answer = call(service,
                () -> api.postJson(url(service) + "/api/admin/dead-letters/replay", body));
        if (answer.isEmpty()) {
            return 1;
        }
        JsonNode r = answer.get();
        out.printf("%s: replayed %d, already replayed before %d, left for another call %d%n", service.module(),
                r.path("replayed").asInt(), r.path("alreadyReplayed").asInt(), r.path("remaining").asInt());
        r.path("notReplayable").forEach(n -> out.println("  not replayable: " + n.asText()));
        return 0;
    }

    /** The answer's JSON, or empty after saying why there is none. */
    private Optional<JsonNode> call(Service service, java.util.function.Supplier<ApiClient.Answer> request) {
        try {
            ApiClient.Answer answer = request.get();
            if (answer.status() != 200) {
                String detail = answer.contentType().contains("json") ? answer.json().path("detail").asText(answer.body())
                        : answer.body();
                out.printf("%s: HTTP %d: %s%n", service.module(), answer.status(), detail);
                return Optional.empty();
            }
            return Optional.of(answer.json());
        } catch (UncheckedIOException e) {
            out.printf("%s is not reachable at %s (is ./paperstream running?)%n", service.module(), url(service));
            return Optional.empty();
        }
    }

    private String url(Service s) {
        String configured = env.get("PAPERSTREAM_" + s.name() + "_URL");
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + env.getOrDefault(s.portVariable(), Integer.toString(s.defaultPort()));
    }

    static Optional<Service> service(String name) {
        for (Service s : Service.values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(name) || s.module().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static String shortened(String reason) {
        String oneLine = reason.replaceAll("\\s+", " ");
        return oneLine.length() <= REASON_SHOWN ? oneLine : oneLine.substring(0, REASON_SHOWN) + "...";
    }

    private int usage(String problem) {
        if (problem != null) {
            out.println(problem);
        }
        out.println(USAGE);
        return 2;
    }
}
