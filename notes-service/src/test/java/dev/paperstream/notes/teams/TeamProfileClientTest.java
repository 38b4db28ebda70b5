package dev.paperstream.notes.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile form's text; the client itself is tested against a stand-in priority in web.TeamPageTest. */
class TeamProfileClientTest {

    @Test
    void theFormTextRoundTripsThroughTheProfile() {
        TeamProfile p = TeamProfile.fromForm(" cs.LG,cs.CL  stat.ML ", "flash attention : 2\r\n\nsurvey: -1.5\n",
                "2205.14135, 2307.08691", true);
        assertThat(p.categories()).containsExactly("cs.LG", "cs.CL", "stat.ML");
        assertThat(p.terms()).containsExactly(new TeamProfile.Term("flash attention", 2),
                new TeamProfile.Term("survey", -1.5));
        assertThat(p.seedPapers()).containsExactly("2205.14135", "2307.08691");
        assertThat(TeamProfile.fromForm(p.categoriesText(), p.termsText(), p.seedPapersText(), p.matchAll()))
                .isEqualTo(p);
        assertThat(TeamProfile.fromForm("", "", "", false)).isEqualTo(new TeamProfile(List.of(), List.of(), List.of(),
                false));
    }

    @Test
    void aWeightThatIsNotANumberNamesTheTermAndLine() {
        assertThatThrownBy(() -> TeamProfile.fromForm("cs.LG", "moe: 1\nsparse: lots", "", false))
                .hasMessage("the weight of 'sparse' on term line 2 is not a number: 'lots'");
    }
}
