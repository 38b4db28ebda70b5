package dev.paperstream.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArxivContactTest {
    @Test
    void theUserAgentNamesTheOperatorsAddressOnlyWhenThereIsOne() {
        assertThat(ArxivContact.userAgent("0.1.0", Optional.of("ml-team@uni-example.de")))
                .isEqualTo("Paperstream/0.1.0 (research paper triage; mailto:ml-team@uni-example.de)");
        assertThat(ArxivContact.userAgent("0.1.0", Optional.empty())).isEqualTo("Paperstream/0.1.0");
    }

    @Test
    void addressesThatReachNobodyAreNotContacts() {
        assertThat(ArxivContact.isUsable("ml-team@uni-example.de")).isTrue();
        assertThat(ArxivContact.isUsable("paperstream-operator@example.org")).isFalse();
        assertThat(ArxivContact.isUsable("me@mail.example.com")).isFalse();
        assertThat(ArxivContact.isUsable("ops@paperstream.test")).isFalse();
        assertThat(ArxivContact.isUsable("ops@host.invalid")).isFalse();
        assertThat(ArxivContact.isUsable("root@localhost")).isFalse();
        assertThat(ArxivContact.isUsable("not an address")).isFalse();
        assertThat(ArxivContact.isUsable("a@b.org) evil")).isFalse();
    }
}
