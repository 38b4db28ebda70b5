package dev.paperstream.notes.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server in the test JVM; the service's mailer is pointed at it. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {
    static GreenMail smtp;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }
}
