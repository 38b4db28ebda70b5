package dev.paperstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeLinksTest {

    @Test
    void findsRepositoriesOnTheFourHostsWithoutTrailingPunctuation() {
        assertThat(CodeLinks.find("Code: https://github.com/org/repo. Models at huggingface.co/org/model,",
                "see (http://www.gitlab.com/g/p) and bitbucket.org/team/tool!"))
                .containsExactly("https://github.com/org/repo", "https://huggingface.co/org/model",
                        "https://gitlab.com/g/p", "https://bitbucket.org/team/tool");
    }

    @Test
    void ignoresOtherHostsBareHostsAndDuplicates() {
        assertThat(CodeLinks.find("https://example.org/x and https://github.com/ and GitHub.com/a/b github.com/a/b",
                null)).containsExactly("https://github.com/a/b");
    }
}
