package dev.paperstream.priority.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperstream.priority.bench.RealRecords;
import dev.paperstream.priority.bench.SemanticEvaluation;
import dev.paperstream.priority.bench.SemanticEvaluation.Result;
import dev.paperstream.priority.bench.SemanticEvaluation.TeamAuc;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Embedding features must not make relevance worse on real records. A {@code @QuarkusTest} only so that it
 * shares the application's class loader, hence the one ONNX model loaded in this JVM.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class SemanticEvaluationTest {
    /** How much lower (b) may be than (a), in mean held-out AUC and in accuracy, before this fails. */
    static final double MARGIN = 0.02;

    @Test
    void tfIdfWithEmbeddingFeaturesIsNotWorseThanTfIdfAloneOnRealRecords() {
        Optional<Path> dir = RealRecords.folder();
        assumeTrue(dir.isPresent(), "real data folder not present");
        Result r = SemanticEvaluation.run(RealRecords.load(dir.get()), 5, 42);
        assertThat(r.papers()).isGreaterThanOrEqualTo(200);
        assertThat(r.teams()).hasSize(5).allSatisfy(t -> assertThat(t.liked()).isGreaterThanOrEqualTo(10));
        assertThat(r.meanAuc(TeamAuc::wordsAndMeaning)).isGreaterThanOrEqualTo(r.meanAuc(TeamAuc::words) - MARGIN);
        assertThat(r.accuracyWordsAndMeaning()).isGreaterThanOrEqualTo(r.accuracyWords() - MARGIN);
        // the team model as the service trains and measures it
        assertThat(r.meanAuc(TeamAuc::serviceWordsAndMeaning))
                .isGreaterThanOrEqualTo(r.meanAuc(TeamAuc::serviceWords) - MARGIN);
        r.teams().forEach(t -> System.out.println("evaluation " + t));
        System.out.printf("mean held-out AUC of the team model on %d real records: TF-IDF %.3f, TF-IDF + embedding %.3f%n",
                r.papers(), r.meanAuc(TeamAuc::serviceWords), r.meanAuc(TeamAuc::serviceWordsAndMeaning));
    }
}
