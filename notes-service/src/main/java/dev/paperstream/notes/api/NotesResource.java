package dev.paperstream.notes.api;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.notes.notes.Checklist;
import dev.paperstream.notes.notes.ImplementationSpec;
import dev.paperstream.notes.notes.ImplementationSpecs;
import dev.paperstream.notes.notes.NoteField;
import dev.paperstream.notes.store.NoteRepository;
import dev.paperstream.notes.notes.NotesView;
import dev.paperstream.notes.store.ParsedRepository;
import dev.paperstream.notes.papers.StoredPaper;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reading notes of a paper and their implementation specs, as JSON and as the Markdown checklist. */
@Path("/api/papers")
public class NotesResource {
    static final int MAX_FIELD_CHARS = NoteField.MAX_CHARS;

    private final NoteRepository notes;
    private final NotesReader reader;
    private final ParsedRepository parsed;
    private final SecurityIdentity identity;
    private final PaperAccess access;

    public NotesResource(NoteRepository notes, NotesReader reader, ParsedRepository parsed, SecurityIdentity identity,
            PaperAccess access) {
        this.access = access;
        this.notes = notes;
        this.reader = reader;
        this.parsed = parsed;
        this.identity = identity;
    }

    @GET
    @Path(PapersResource.ID + "/notes")
    @Produces(MediaType.APPLICATION_JSON)
    public NotesView get(@PathParam("id") String id) {
        access.open(id);
        return reader.view(id);
    }

    /** Body: {@code {"pass1": {"problem": "..."}, ...}}; only the fields given change. */
    @PUT
    @Path(PapersResource.ID + "/notes")
    @RolesAllowed("editor")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public NotesView put(@PathParam("id") String id, Map<String, Map<String, String>> body) {
        access.open(id);
        notes.edit(id, fields(body), identity.getPrincipal().getName());
        return reader.view(id);
    }

    @GET
    @Path(PapersResource.ID + "/checklist.md")
    @Produces("text/markdown;charset=UTF-8")
    public String checklist(@PathParam("id") String id) {
        return Checklist.markdown(specs(id));
    }

    /** One spec per algorithm block of the parsed full text; one named after the paper when it has none. */
    @GET
    @Path(PapersResource.ID + "/specs")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ImplementationSpec> specs(@PathParam("id") String id) {
        StoredPaper paper = access.open(id);
        List<PaperParsed.AlgorithmBlock> blocks = parsed.find(id).map(PaperParsed::algorithms).orElse(List.of());
        return ImplementationSpecs.of(paper.title(), reader.view(id), blocks);
    }

    /** The paper, when it exists and belongs to one of the caller's teams (or to none yet). */
    /** Checks every section and field name and the size of each value. */
    public static Map<NoteField, String> fields(Map<String, Map<String, String>> body) {
        if (body == null || body.isEmpty()) {
            throw ProblemException.badRequest("the body must name at least one section of " + NoteField.SECTIONS);
        }
        Map<NoteField, String> out = new EnumMap<>(NoteField.class);
        for (Map.Entry<String, Map<String, String>> section : body.entrySet()) {
            if (!NoteField.SECTIONS.contains(section.getKey())) {
                throw ProblemException.badRequest("unknown section '" + section.getKey() + "'; sections are "
                        + NoteField.SECTIONS);
            }
            if (section.getValue() == null) {
                continue;
            }
            for (Map.Entry<String, String> field : section.getValue().entrySet()) {
                NoteField f = NoteField.of(section.getKey(), field.getKey()).orElseThrow(() ->
                        ProblemException.badRequest("unknown field '" + field.getKey() + "' in " + section.getKey()
                                + "; fields are " + NoteField.inSection(section.getKey()).stream()
                                        .map(NoteField::key).toList()));
                String value = field.getValue() == null ? "" : field.getValue();
                if (value.length() > MAX_FIELD_CHARS) {
                    throw ProblemException.badRequest(f.path() + " is longer than " + MAX_FIELD_CHARS + " characters");
                }
                out.put(f, value.strip());
            }
        }
        return out;
    }
}
