package dev.paperstream.notes.web;

import dev.paperstream.events.ArxivId;
import dev.paperstream.notes.benchmarks.ClaimCheck;
import dev.paperstream.notes.api.PaperClaims;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** {@code /papers/{id}/benchmarks}: the paper's claims against what the team measured at its shapes. */
@Path("/papers")
@Produces(MediaType.TEXT_HTML)
public class PaperBenchmarksPage {
    // the paper page's id segment: old-style ids span two segments; shares the class path so /benchmarks stays ours
    private static final String ID = "{id: [^/]+(?:/[0-9]{7})?}";

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance claims(Viewer viewer, ClaimsView view);
    }

    private final PaperRepository papers;
    private final PaperClaims claims;
    private final SecurityIdentity identity;

    public PaperBenchmarksPage(PaperRepository papers, PaperClaims claims, SecurityIdentity identity) {
        this.papers = papers;
        this.claims = claims;
        this.identity = identity;
    }

    public record ClaimsView(StoredPaper paper, ClaimCheck.Report report) {
        public String times(Double v) {
            return v == null ? "—" : String.format(Locale.ROOT, "%.2fx", v);
        }

        public String percent(Double v) {
            return v == null ? "—" : String.format(Locale.ROOT, "%.0f%%", v * 100);
        }
    }

    @GET
    @Path(ID + "/benchmarks")
    public TemplateInstance page(@PathParam("id") String id) {
        if (!ArxivId.isValidId(id)) {
            throw ProblemException.badRequest(ArxivId.explainUnversioned(id));
        }
        StoredPaper paper = papers.find(id)
                .orElseThrow(() -> ProblemException.notFound("no paper " + id + " has been discovered"));
        return Templates.claims(Viewer.of(identity), new ClaimsView(paper, claims.of(paper)));
    }
}
