package dev.paperstream.notes.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.notes.channels.WebhookSignature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    // The test vector the Standard Webhooks reference libraries publish: what their verifiers accept.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsThePublishedTestVectorExactly() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theTestsOwnVerifierAcceptsThePublishedVectorAndRefusesATamperedBody() throws Exception {
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(ID), "webhook-timestamp",
                List.of(Long.toString(TIMESTAMP)), "webhook-signature",
                List.of("v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        assertThat(StandardWebhooks.verifies(SECRET, new WebhookReceiver.Received("/", headers, BODY, 0))).isTrue();
        assertThat(StandardWebhooks.verifies(SECRET,
                new WebhookReceiver.Received("/", headers, "{\"test\": 2432232315}", 0))).isFalse();
    }

    @Test
    void aNewSecretIsWhsecAndTheBase64Of32RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}
