package dev.paperstream.priority.semantic;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL with pgvector for tests and benchmarks: PGlite (PostgreSQL in WASM) served over TCP by
 * {@code src/test/pglite/server.mjs}, installed into {@code target/pglite} by the build (install.sh). It is one
 * session shared by every connection, hence {@code prepareThreshold=0} (pgjdbc's named statements would collide).
 */
public final class PgliteServer implements PgvectorServer {
    public static final String SKIP_ENV = "PAPERSTREAM_SKIP_PGLITE";
    public static final String SKIP_PROPERTY = "paperstream.skip-pglite";
    private static final Duration START = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final StringBuilder output = new StringBuilder();

    private PgliteServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether the person running the build asked to skip the PGlite tests (they are run otherwise). */
    public static boolean skipRequested() {
        return Boolean.parseBoolean(System.getenv(SKIP_ENV)) || Boolean.getBoolean(SKIP_PROPERTY);
    }

    /** Starts the server and waits until it listens; fails saying what is missing. */
    public static PgliteServer start() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("paperstream.pglite.dir", "target/pglite"));
        String howToSkip = " (to skip the pgvector tests: " + SKIP_ENV + "=true or -D" + SKIP_PROPERTY + "=true)";
        if (!Files.isDirectory(dir.resolve("node_modules/@electric-sql/pglite-socket"))) {
            throw new IllegalStateException("PGlite is not installed in " + dir.toAbsolutePath() + ": the build's "
                    + "generate-test-resources step runs src/test/pglite/install.sh, which needs node and npm and "
                    + "the npm registry once" + howToSkip);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process process;
        try {
            List<String> command = new ArrayList<>(List.of("node", "server.mjs", Integer.toString(port)));
            String dataDir = System.getProperty("paperstream.pglite.data-dir"); // on disk; in memory by default
            if (dataDir != null) {
                command.add(Path.of(dataDir).toAbsolutePath().toString());
            }
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (" + e.getMessage() + ")" + howToSkip, e);
        }
        PgliteServer server = new PgliteServer(process, port);
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    synchronized (server.output) {
                        server.output.append(line).append('\n');
                    }
                    if (line.startsWith("LISTENING ")) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended; start() reports its output
            }
        }, "pglite-output");
        reader.setDaemon(true);
        reader.start();
        long t0 = System.nanoTime();
        while (!listening.await(200, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() - t0 > START.toNanos()) {
                server.close();
                throw new IllegalStateException("the PGlite server did not start within " + START.toSeconds()
                        + " s (exit " + (process.isAlive() ? "none" : process.exitValue()) + "): " + server.output()
                        + howToSkip);
            }
        }
        System.out.printf("PGlite with pgvector listening on 127.0.0.1:%d after %d ms%n", port,
                (System.nanoTime() - t0) / 1_000_000);
        return server;
    }

    private String output() {
        synchronized (output) {
            return output.toString().strip();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?currentSchema=priority&prepareThreshold=0";
    }

    /** An Agroal pool, as the service has; connections beyond one wait while another holds a transaction. */
    @Override
    public AgroalDataSource dataSource(int maxConnections) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(
                pool -> pool.maxSize(maxConnections).acquisitionTimeout(Duration.ofSeconds(60))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(jdbcUrl())
                                .principal(new NamePrincipal("postgres"))
                                .credential(new SimplePassword("postgres")))));
    }

    @Override
    public String description() {
        return "PGlite (PostgreSQL compiled to WASM, one session) with pgvector";
    }

    @Override
    public String schema() {
        return "priority";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
