package dev.paperstream.testkit;

import dev.paperstream.embedded.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between a service and its PostgreSQL server that a test can take down and bring back, so
 * the service sees what a real outage looks like on the wire: open connections break mid-statement, new
 * ones are refused (the driver's SQLState 08xxx), and after {@link #end()} connections work again on the
 * same address. The server itself keeps running, so the test can still check its data.
 */
public final class PostgresOutage implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    public PostgresOutage(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = FreePorts.find();
        end();
    }

    /** The port the service connects to instead of the server's. */
    public int port() {
        return port;
    }

    /** PostgreSQL becomes unreachable: every open connection is cut and new ones are refused. */
    public synchronized void begin() {
        ServerSocket l = listener;
        listener = null;
        closeQuietly(l);
        open.forEach(PostgresOutage::closeQuietly);
        open.clear();
    }

    /** PostgreSQL is reachable again on the same port. */
    public synchronized void end() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket l = new ServerSocket();
            l.setReuseAddress(true);
            l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = l;
            Thread accept = new Thread(() -> accept(l), "postgres-outage-accept");
            accept.setDaemon(true);
            accept.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port + " again", e);
        }
    }

    public boolean isDown() {
        return listener == null;
    }

    private void accept(ServerSocket l) {
        while (!l.isClosed()) {
            try {
                Socket client = l.accept();
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // the listener was closed by begin(), or the server refused: the client sees a broken connection
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away (or the outage began): close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "postgres-outage-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    @Override
    public void close() {
        begin();
    }
}
