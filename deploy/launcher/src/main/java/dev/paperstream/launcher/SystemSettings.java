package dev.paperstream.launcher;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local system keeps its data and logs, its ports, and whether it uses an existing Kafka
 * broker or PostgreSQL server instead of the embedded ones. Every value is an environment variable.
 */
public record SystemSettings(
        Path repositoryRoot,
        Path home,
        Map<Service, Integer> ports,
        int kafkaPort,
        int kafkaControllerPort,
        Optional<String> externalKafka,
        int postgresPort,
        Optional<String> externalPostgresUrl,
        String postgresUser,
        String postgresPassword,
        String adminToken,
        boolean adminTokenGenerated,
        boolean ephemeral,
        Duration startTimeout) {

    /** The services' {@code paperstream.auth.min-token-length}. */
    static final int MIN_TOKEN_LENGTH = 24;

    public static SystemSettings fromEnvironment(Map<String, String> env, Path repositoryRoot) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, intOr(env, s.portVariable(), s.defaultPort()));
        }
        Optional<String> token = Optional.ofNullable(env.get("PAPERSTREAM_ADMIN_TOKEN")).filter(t -> !t.isBlank());
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("PAPERSTREAM_ADMIN_TOKEN has " + token.get().length()
                    + " characters; the services accept tokens of " + MIN_TOKEN_LENGTH + " or more (openssl rand"
                    + " -hex 24 makes one), or leave it unset and the launcher generates one");
        }
        return new SystemSettings(
                repositoryRoot,
                Path.of(env.getOrDefault("PAPERSTREAM_HOME", repositoryRoot.resolve(".paperstream").toString())),
                ports,
                intOr(env, "PAPERSTREAM_KAFKA_PORT", 9092),
                intOr(env, "PAPERSTREAM_KAFKA_CONTROLLER_PORT", 9093),
                Optional.ofNullable(env.get("KAFKA_BOOTSTRAP_SERVERS")).filter(v -> !v.isBlank()),
                intOr(env, "PAPERSTREAM_POSTGRES_PORT", 5432),
                Optional.ofNullable(env.get("QUARKUS_DATASOURCE_JDBC_URL")).filter(v -> !v.isBlank()),
                env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "postgres"),
                token.orElseGet(SystemSettings::generateToken),
                token.isEmpty(),
                false,
                duration(env, "PAPERSTREAM_START_TIMEOUT", Duration.ofMinutes(3)));
    }

    /** Embedded Kafka and PostgreSQL that vanish on close, for tests; services on the given ports. */
    public static SystemSettings ephemeral(Path repositoryRoot, Path home, Map<Service, Integer> ports, String adminToken) {
        return new SystemSettings(repositoryRoot, home, Map.copyOf(ports), 0, 0, Optional.empty(), 0, Optional.empty(),
                "", "", adminToken, false, true, Duration.ofMinutes(4));
    }

    public static String generateToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "ps_" + HexFormat.of().formatHex(bytes);
    }

    private static int intOr(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + v + "'");
        }
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a duration such as PT3M, got '" + v + "'");
        }
    }

    public Path logs() {
        return home.resolve("logs");
    }
}
