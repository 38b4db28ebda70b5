package dev.paperstream.notes.channels;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks scheme (https://www.standardwebhooks.com/): a receiver verifies
 * {@code webhook-signature = v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>} and deduplicates on
 * {@code webhook-id}, which stays the same on every retry of one delivery.
 */
public final class WebhookSignature {
    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new signing secret: {@code whsec_} and the base64 of 32 random bytes, as the scheme's libraries expect. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The webhook id of a delivery, the same on every attempt. */
    public static String messageId(java.util.UUID deliveryId) {
        return "msg_" + deliveryId.toString().replace("-", "");
    }

    /**
     * {@code v1,} and the base64 signature. The key of a {@code whsec_} secret is its decoded bytes; a secret
     * chosen by an admin before secrets were generated signs with its UTF-8 bytes.
     */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a secret is one this service generated (Standard Webhooks format). */
    public static boolean isGenerated(String secret) {
        return secret != null && secret.startsWith(SECRET_PREFIX);
    }

    private static byte[] key(String secret) {
        return isGenerated(secret) ? Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }
}
