package dev.paperstream.notes.api;

import dev.paperstream.notes.exports.NotesMarkdown;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.support.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** A paper's reading notes as one Markdown file, to keep beside the paper or paste into a wiki. */
@Path("/api/papers")
public class NotesMarkdownResource {
    private final PaperRepository papers;
    private final NotesReader reader;
    private final PaperAccess access;

    public NotesMarkdownResource(PaperRepository papers, NotesReader reader, PaperAccess access) {
        this.access = access;
        this.papers = papers;
        this.reader = reader;
    }

    @GET
    @Path(PapersResource.ID + "/notes.md")
    @Produces("text/markdown;charset=UTF-8")
    public String notes(@PathParam("id") String id) {
        PapersResource.requireValid(id);
        StoredPaper paper = papers.find(id)
                .orElseThrow(() -> ProblemException.notFound("no paper " + id + " has been discovered"));
        access.require(id);
        return NotesMarkdown.of(paper, reader.view(id));
    }
}
