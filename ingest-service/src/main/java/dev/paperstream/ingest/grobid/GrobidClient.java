package dev.paperstream.ingest.grobid;

import dev.paperstream.support.net.OutboundUrls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * GROBID's REST API: {@code processFulltextDocument} (parsed into a {@link TeiParser.Structure}) and
 * {@code processHeaderDocument} (raw TEI). At most {@code max-concurrency} documents are in flight;
 * 503 means GROBID is busy: wait (Retry-After or doubling back-off) and retry. Each call checks the address
 * with {@link OutboundUrls}: a GROBID inside the network (as in compose or Kubernetes) must be allowed by name.
 */
public class GrobidClient {
    private final URI base;
    private final GrobidConfig config;
    private final Semaphore slots;
    private final HttpClient http;
    private final OutboundUrls outbound;

    public GrobidClient(URI base, GrobidConfig config, OutboundUrls outbound) {
        this.base = base;
        this.outbound = outbound;
        this.config = config;
        this.slots = new Semaphore(config.maxConcurrency(), true);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** GROBID is down, keeps answering 503, or refuses the document; the caller may fall back. */
    public static class GrobidUnavailableException extends RuntimeException {
        public GrobidUnavailableException(String message) {
            super(message);
        }
    }

    public TeiParser.Structure processFulltext(byte[] pdf) {
        return TeiParser.parse(new ByteArrayInputStream(post("processFulltextDocument", pdf)));
    }

    public String processHeader(byte[] pdf) {
        return new String(post("processHeaderDocument", pdf), StandardCharsets.UTF_8);
    }

    private byte[] post(String service, byte[] pdf) {
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/api/" + service);
        try {
            outbound.check(uri);
        } catch (OutboundUrls.Refused e) {
            throw new GrobidUnavailableException("GROBID at " + base + " is not called: " + e.getMessage());
        }
        String boundary = "paperstream-" + UUID.randomUUID();
        byte[] body = multipart(boundary, pdf);
        Duration wait = config.backoff();
        try {
            slots.acquire();
            try {
                for (int attempt = 1; ; attempt++) {
                    HttpResponse<byte[]> response;
                    try {
                        response = http.send(HttpRequest.newBuilder(uri).timeout(config.timeout())
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header("Accept", "application/xml")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                    } catch (IOException e) {
                        throw new GrobidUnavailableException("GROBID at " + base + " cannot be reached: " + e.getMessage());
                    }
                    if (response.statusCode() == 200) {
                        return response.body();
                    }
                    if (response.statusCode() != 503 || attempt >= config.maxAttempts()) {
                        throw new GrobidUnavailableException("GROBID answered " + response.statusCode() + " for "
                                + service + " after " + attempt + " attempt(s)");
                    }
                    Duration retryAfter = response.headers().firstValue("Retry-After")
                            .map(v -> Duration.ofSeconds(Long.parseLong(v.trim()))).orElse(wait);
                    Thread.sleep(retryAfter.toMillis());
                    wait = wait.multipliedBy(2);
                }
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GrobidUnavailableException("interrupted while waiting for GROBID");
        } catch (NumberFormatException e) {
            throw new GrobidUnavailableException("GROBID sent an unreadable Retry-After: " + e.getMessage());
        }
    }

    private static byte[] multipart(String boundary, byte[] pdf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"input\"; filename=\"paper.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(pdf);
        String tail = "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"consolidateHeader\"\r\n\r\n0\r\n--"
                + boundary + "--\r\n";
        out.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
