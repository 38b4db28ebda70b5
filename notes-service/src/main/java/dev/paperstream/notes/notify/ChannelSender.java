package dev.paperstream.notes.notify;

import dev.paperstream.notes.channels.Channel;
import dev.paperstream.notes.channels.Redaction;
import dev.paperstream.notes.channels.WebhookSignature;
import dev.paperstream.support.net.OutboundUrls;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends a message to one channel; throws {@link DeliveryException} with the reason when it does not arrive. Every
 * HTTP channel, Slack's too, gets the Standard Webhooks headers ({@link WebhookSignature}); a channel whose secret
 * an admin chose before secrets were generated also keeps the older {@code X-Paperstream-Signature}.
 */
@ApplicationScoped
public class ChannelSender {
    public static final String SIGNATURE_HEADER = "X-Paperstream-Signature";

    private final Mailer mailer;
    private final NotifyConfig config;
    private final HttpClient http;
    private final OutboundUrls outbound;

    public ChannelSender(Mailer mailer, NotifyConfig config, OutboundUrls outbound) {
        this.mailer = mailer;
        this.outbound = outbound;
        this.config = config;
        // HTTP/1.1 as webhook receivers expect: the client's default (HTTP/2) asks plain-http receivers for an
        // h2c upgrade on every new connection, which some of them refuse.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.httpTimeout())
                .build();
    }

    public void send(String kind, String target, String secret, Message message) {
        switch (kind) {
            case Channel.SLACK -> post(target, message.slackJson(), secret, message.webhookId());
            case Channel.WEBHOOK -> post(target, message.webhookJson(), secret, message.webhookId());
            case Channel.EMAIL -> mail(target, message);
            default -> throw new DeliveryException("unknown channel kind " + kind);
        }
    }

    private void post(String url, String json, String secret, String webhookId) {
        outbound.check(url); // again at each send: the name may point elsewhere since the channel was stored
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(url)).timeout(config.httpTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        long timestamp = Instant.now().getEpochSecond();
        request.header(WebhookSignature.ID_HEADER, webhookId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        if (secret != null && !secret.isEmpty()) {
            request.header(WebhookSignature.SIGNATURE_HEADER,
                    WebhookSignature.sign(secret, webhookId, timestamp, json));
            if (!WebhookSignature.isGenerated(secret)) {
                request.header(SIGNATURE_HEADER, "sha256=" + hmacSha256(secret, json));
            }
        }
        // Errors name the host only: the URL is a credential, and the receiver's answer may carry secrets too,
        // so the body is discarded unread.
        String host = Redaction.host(url);
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryException("HTTP " + response.statusCode() + " from " + host);
            }
        } catch (IOException e) {
            throw new DeliveryException("cannot reach " + host + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + host);
        }
    }

    private void mail(String to, Message message) {
        try {
            mailer.send(Mail.withText(to, message.subject(), message.text()).setFrom(config.from()));
        } catch (RuntimeException e) {
            throw new DeliveryException("cannot mail to " + Redaction.host(to) + ": " + e.getClass().getSimpleName());
        }
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            // URI's own message quotes the whole URL
            throw new DeliveryException("the channel's URL cannot be read");
        }
    }

    /** Hex HMAC-SHA256 of the body with the channel's secret, as the receiver recomputes it. */
    public static String hmacSha256(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A delivery that did not arrive; the message is kept as the delivery's last error. */
    public static class DeliveryException extends RuntimeException {
        public DeliveryException(String message) {
            super(message);
        }
    }
}
