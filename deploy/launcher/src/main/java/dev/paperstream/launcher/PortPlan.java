package dev.paperstream.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

/**
 * The ports the launcher listens on, checked before anything starts. A developer's machine often runs
 * its own PostgreSQL on 5432 or Kafka on 9092: a default port that is taken is swapped for a free one
 * (and the launcher says so); a port someone chose and that is taken stops the launch with the setting
 * that changes it, since silently moving a chosen port would break whatever expects it there.
 */
public final class PortPlan {
    /** A port the launcher needs, with the setting that chooses it. */
    record Need(String what, String variable, int port, boolean chosen) {
    }

    private final List<String> notes = new ArrayList<>();
    private final SystemSettings settings;

    private PortPlan(SystemSettings settings) {
        this.settings = settings;
    }

    /** Changes to the settings, one line each, for the launcher to print. */
    public List<String> notes() {
        return notes;
    }

    public SystemSettings settings() {
        return settings;
    }

    /**
     * Checks every port the settings will listen on; {@code env} tells which were chosen. Throws
     * {@link LaunchException} naming the port, what wanted it and the variable to change.
     */
    public static PortPlan check(SystemSettings settings, Map<String, String> env) {
        return check(settings, env, PortPlan::inUse, PortPlan::freePort);
    }

    static PortPlan check(SystemSettings s, Map<String, String> env, IntPredicate taken,
            IntSupplier free) {
        List<Need> needs = new ArrayList<>();
        for (Service service : Service.values()) {
            needs.add(need(env, service.module(), service.portVariable(), s.ports().get(service)));
        }
        boolean embeddedKafka = s.externalKafka().isEmpty() && !s.ephemeral();
        if (embeddedKafka) {
            needs.add(need(env, "the embedded Kafka broker", "PAPERSTREAM_KAFKA_PORT", s.kafkaPort()));
            needs.add(need(env, "the embedded Kafka controller", "PAPERSTREAM_KAFKA_CONTROLLER_PORT",
                    s.kafkaControllerPort()));
        }
        boolean embeddedPostgres = s.externalPostgresUrl().isEmpty() && !s.ephemeral();
        if (embeddedPostgres) {
            needs.add(need(env, "the embedded PostgreSQL", "PAPERSTREAM_POSTGRES_PORT", s.postgresPort()));
        }

        Map<String, Integer> assigned = new HashMap<>();
        Set<Integer> used = new HashSet<>();
        List<String> notes = new ArrayList<>();
        for (Need n : needs) {
            boolean clash = !used.add(n.port());
            if (!clash && !taken.test(n.port())) {
                assigned.put(n.variable(), n.port());
                continue;
            }
            String why = clash ? "is also set for another part of Paperstream" : "is taken by another program";
            if (n.chosen()) {
                throw new LaunchException("Port " + n.port() + " for " + n.what() + " " + why + ". Set "
                        + n.variable() + " to a free port (it is " + n.port() + " now).");
            }
            int port;
            do {
                port = free.getAsInt();
            } while (!used.add(port));
            assigned.put(n.variable(), port);
            notes.add("port " + n.port() + " " + why + ": " + n.what() + " uses " + port + " this time (set "
                    + n.variable() + " to choose one)");
        }
        PortPlan plan = new PortPlan(apply(s, assigned, embeddedKafka, embeddedPostgres));
        plan.notes.addAll(notes);
        return plan;
    }

    private static Need need(Map<String, String> env, String what, String variable, int port) {
        String v = env.get(variable);
        return new Need(what, variable, port, v != null && !v.isBlank());
    }

    private static SystemSettings apply(SystemSettings s, Map<String, Integer> assigned, boolean kafka,
            boolean postgres) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, assigned.get(service.portVariable()));
        }
        return new SystemSettings(s.repositoryRoot(), s.home(), ports,
                kafka ? assigned.get("PAPERSTREAM_KAFKA_PORT") : s.kafkaPort(),
                kafka ? assigned.get("PAPERSTREAM_KAFKA_CONTROLLER_PORT") : s.kafkaControllerPort(),
                s.externalKafka(),
                postgres ? assigned.get("PAPERSTREAM_POSTGRES_PORT") : s.postgresPort(),
                s.externalPostgresUrl(), s.postgresUser(), s.postgresPassword(), s.adminToken(),
                s.adminTokenGenerated(), s.ephemeral(), s.startTimeout());
    }

    /**
     * Something answers on the port, or it cannot be bound on every interface: either way a server
     * started there would fail. Connecting catches a server bound to loopback only, which a bind on the
     * wildcard address can miss. The bind reuses addresses as the servers do, so connections of a
     * previous run still in TIME_WAIT do not count as taken.
     */
    static boolean inUse(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException notListening) {
            // nothing answers: try to bind it
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("cannot find a free port: " + e.getMessage());
        }
    }
}
