package dev.paperstream.notes.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of the Standard Webhooks signature, written from the published scheme and independent of the
 * service's code: the key is the base64 after {@code whsec_}; the signed content is
 * {@code webhook-id + "." + webhook-timestamp + "." + body}; the header lists {@code v1,<base64 HMAC-SHA256>}
 * signatures separated by spaces.
 */
final class StandardWebhooks {
    private StandardWebhooks() {
    }

    static boolean verifies(String secret, WebhookReceiver.Received request) throws Exception {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null || !secret.startsWith("whsec_")) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
        return Arrays.stream(signatures.split(" ")).filter(s -> s.startsWith("v1,"))
                .anyMatch(s -> MessageDigest.isEqual(expected, Base64.getDecoder().decode(s.substring(3))));
    }
}
