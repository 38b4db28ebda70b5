package dev.paperstream.priority.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.priority.semantic.SemanticConfig.Store;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The store chosen on the embedded PostgreSQL of the tests and the launcher, which has no pgvector: the default
 * ({@code auto}) searches in process and says why; asking for pgvector there fails the start with the reason.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class SemanticStoreSelectionTest {
    @Inject
    SemanticIndex index;

    @Test
    void withoutPgvectorTheDefaultSearchesInProcessAndSaysWhy() {
        assertThat(index.papers()).isInstanceOf(InProcessIndex.class);
        assertThat(index.backend()).isEqualTo("in-process exact cosine (pgvector not available in this PostgreSQL)");
    }

    @Test
    void askingForPgvectorWhereTheServerHasNoneFailsSayingWhatToDo() {
        assertThatThrownBy(() -> index.select(Store.PGVECTOR)).isInstanceOf(IllegalStateException.class)
                .hasMessage("paperstream.semantic.store=pgvector, but this PostgreSQL server offers no 'vector' "
                        + "extension (pg_available_extensions): install pgvector on the server, or set "
                        + "paperstream.semantic.store to auto or in-process");
    }

    @Test
    void askingForTheInProcessStoreSaysItWasAskedFor() {
        SemanticIndex.Selected chosen = index.select(Store.IN_PROCESS);
        assertThat(chosen.papers()).isInstanceOf(InProcessIndex.class);
        assertThat(chosen.why()).isEqualTo("paperstream.semantic.store=in-process");
    }
}
