package dev.paperstream.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutboundUrlsTest {
    private static final OutboundUrls NOTHING_ALLOWED = new OutboundUrls(List.of());

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1/hook            | a loopback address (127.0.0.0/8)",
            "http://127.8.9.10:8080/          | a loopback address (127.0.0.0/8)",
            "http://2130706433/               | a loopback address (127.0.0.0/8)",
            "http://0.0.0.0:8083/             | the unspecified \"this host\" range (0.0.0.0/8)",
            "http://169.254.169.254/latest/   | a link-local address (the cloud metadata service answers at 169.254.169.254) (169.254.0.0/16)",
            "http://10.0.0.1/                 | a private address (10.0.0.0/8)",
            "https://172.16.0.1/              | a private address (172.16.0.0/12)",
            "https://172.31.255.255/          | a private address (172.16.0.0/12)",
            "https://192.168.1.1/             | a private address (192.168.0.0/16)",
            "http://100.64.0.1/               | a carrier-grade NAT address (100.64.0.0/10)",
            "http://100.127.255.254/          | a carrier-grade NAT address (100.64.0.0/10)",
            "http://192.0.0.170/              | an IETF protocol address (192.0.0.0/24)",
            "http://198.18.0.1/               | a benchmarking network address (198.18.0.0/15)",
            "http://224.0.0.1/                | a multicast address (224.0.0.0/4)",
            "http://255.255.255.255/          | a reserved or broadcast address (240.0.0.0/4)",
            "http://[::1]:8080/               | a loopback address (::1/128)",
            "http://[::]/                     | the unspecified address (::/128)",
            "http://[fe80::1]/                | a link-local address (fe80::/10)",
            "http://[febf:ffff::1]/           | a link-local address (fe80::/10)",
            "http://[fec0::1]/                | a site-local address (fec0::/10)",
            "http://[fc00::1]/                | a unique local (private) address (fc00::/7)",
            "http://[fd00:ec2::254]/          | a unique local (private) address (fc00::/7)",
            "http://[ff02::1]/                | a multicast address (ff00::/8)",
            "http://[::ffff:127.0.0.1]/       | a loopback address (127.0.0.0/8)",
            "http://[::ffff:a9fe:a9fe]/       | a link-local address (the cloud metadata service answers at 169.254.169.254) (169.254.0.0/16)",
            "http://[::ffff:10.0.0.1]/        | a private address (10.0.0.0/8)",
            "http://[::10.0.0.1]/             | a private address (10.0.0.0/8)",
            "http://[64:ff9b::192.168.0.1]/   | a private address (192.168.0.0/16)",
            "http://[2002:a9fe:a9fe::1]/      | a link-local address (the cloud metadata service answers at 169.254.169.254) (169.254.0.0/16)"})
    void internalAddressesAreRefusedWithTheHostAndTheReason(String url, String reason) {
        assertThatThrownBy(() -> NOTHING_ALLOWED.check(url)).isInstanceOf(OutboundUrls.Refused.class)
                .hasMessageStartingWith("outgoing request to ")
                .hasMessageContaining(" is " + reason + "; an admin can allow it with paperstream.outbound.allow");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/", "http://93.184.216.34:8080/hook", "https://172.32.0.1/",
            "https://172.15.255.255/", "http://100.128.0.1/", "http://169.255.0.1/", "http://11.0.0.1/",
            "HTTPS://1.1.1.1/", "https://[2606:4700:4700::1111]/", "https://[64:ff9b::8.8.8.8]/"})
    void publicAddressesPass(String url) {
        assertThat(NOTHING_ALLOWED.check(url)).hasToString(url);
    }

    @Test
    void aNameIsJudgedByWhatItResolvesTo() {
        assertThatThrownBy(() -> NOTHING_ALLOWED.check("http://localhost:8083/"))
                .hasMessageStartingWith("outgoing request to localhost refused: localhost resolves to ")
                .hasMessageContaining("a loopback address");
    }

    @Test
    void theMessageNamesTheHostButNeverThePathOrQueryOfTheUrl() {
        assertThatThrownBy(() -> NOTHING_ALLOWED.check("https://10.0.0.1/services/T000/B000/XXXXSECRET?token=abc"))
                .hasMessage("outgoing request to 10.0.0.1 refused: 10.0.0.1 is a private address (10.0.0.0/8);"
                        + " an admin can allow it with paperstream.outbound.allow")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET", "token", "services"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "file:///etc/passwd              | outgoing requests use http or https, not 'file'",
            "gopher://8.8.8.8:70/_x          | outgoing requests use http or https, not 'gopher'",
            "ftp://8.8.8.8/                  | outgoing requests use http or https, not 'ftp'",
            "8.8.8.8/hook                    | outgoing requests use http or https, not a URL without a scheme",
            "http:///no-host                 | the outgoing URL names no host that can be read",
            "http://127.1/                   | the outgoing URL names no host that can be read",
            "http://exa mple.org/            | the outgoing URL cannot be read"})
    void onlyHttpUrlsWithAHostPass(String url, String message) {
        assertThatThrownBy(() -> NOTHING_ALLOWED.check(url)).isInstanceOf(OutboundUrls.Refused.class)
                .hasMessage(message);
    }

    @Test
    void aRefusalIsA400Problem() {
        assertThatThrownBy(() -> NOTHING_ALLOWED.check("http://10.0.0.1/"))
                .satisfies(e -> assertThat(((OutboundUrls.Refused) e).status()).isEqualTo(400));
    }

    @Test
    void anAllowedHostRangeOrDomainPasses() {
        OutboundUrls guard = new OutboundUrls(List.of("localhost", " 10.0.0.0/8 ", "169.254.169.254", "fd00::/8",
                "*.corp.example", "GROBID"));
        assertThat(guard.check("http://localhost:8083/hook")).isNotNull();
        assertThat(guard.check("http://LOCALHOST./hook")).isNotNull();
        assertThat(guard.check("http://10.1.2.3/")).isNotNull();
        assertThat(guard.check("http://[::ffff:10.1.2.3]/")).isNotNull();
        assertThat(guard.check("http://169.254.169.254/")).isNotNull();
        assertThat(guard.check("http://[fd12::1]/")).isNotNull();
        assertThat(guard.check("http://hooks.corp.example/x")).isNotNull();
        assertThat(guard.check("http://grobid:8070/api")).isNotNull();

        assertThatThrownBy(() -> guard.check("http://169.254.169.253/")).hasMessageContaining("link-local");
        assertThatThrownBy(() -> guard.check("http://192.168.0.1/")).hasMessageContaining("private");
        assertThatThrownBy(() -> guard.check("http://127.0.0.1/")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> guard.check("http://[fc00::1]/")).hasMessageContaining("unique local");
    }

    @Test
    void allowingAnAddressDoesNotAllowTheNameThatResolvesToIt() {
        OutboundUrls guard = new OutboundUrls(List.of("127.0.0.1"));
        assertThat(guard.check("http://127.0.0.1:8080/")).isNotNull();
        assertThatThrownBy(() -> guard.check("http://[::1]:8080/")).hasMessageContaining("loopback");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.0.0/33   | paperstream.outbound.allow: '10.0.0.0/33' has a prefix outside 0-32",
            "10.0.0.0/x    | paperstream.outbound.allow: '10.0.0.0/x' has no number of bits after the '/'",
            "grobid/16     | paperstream.outbound.allow: 'grobid/16' is not an IP address or CIDR range",
            "fd00::/129    | paperstream.outbound.allow: 'fd00::/129' has a prefix outside 0-128"})
    void aBadAllowEntryStopsTheServiceWithWhatIsWrong(String entry, String message) {
        assertThatThrownBy(() -> new OutboundUrls(List.of(entry))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
