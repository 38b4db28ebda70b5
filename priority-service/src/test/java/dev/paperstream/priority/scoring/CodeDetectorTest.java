package dev.paperstream.priority.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeDetectorTest {

    @Test
    void codeLinksFromIngestCount() {
        assertThat(CodeDetector.detect(List.of("https://github.com/Dao-AILab/flash-attention"), "", null, List.of()))
                .isEqualTo(new CodeDetector.CodeEvidence(true, "github.com/Dao-AILab/flash-attention found in links"));
    }

    @Test
    void repositoryHostsInCommentOrAbstractCount() {
        assertThat(CodeDetector.inText("Code at https://gitlab.com/group/proj.")).isEqualTo("gitlab.com/group/proj");
        assertThat(CodeDetector.inText("see bitbucket.org/team/repo for details")).isEqualTo("bitbucket.org/team/repo");
        assertThat(CodeDetector.inText("Models: https://huggingface.co/org/model")).isEqualTo("huggingface.co/org/model");
        assertThat(CodeDetector.detect(List.of(), "abstract", "10 pages, code: github.com/a/b", List.of()).description())
                .isEqualTo("github.com/a/b found in comment");
    }

    @Test
    void aProjectPageIntroducedAsCodeCounts() {
        assertThat(CodeDetector.inText("Our implementation is available at https://example.org/fastattn"))
                .isEqualTo("example.org/fastattn");
        assertThat(CodeDetector.inText("We thank https://example.org for data")).isNull();
    }

    @Test
    void promisedCodeIsNotCode() {
        assertThat(CodeDetector.inText("Code will be released.")).isNull();
        assertThat(CodeDetector.inText("Code will be released at https://github.com/a/b upon acceptance.")).isNull();
        assertThat(CodeDetector.detect(List.of(), "The code will be made available.", null, List.of()).found()).isFalse();
    }

    @Test
    void aBareHostWithoutRepositoryIsNotCode() {
        assertThat(CodeDetector.inText("we compare with models on github.com")).isNull();
    }
}
