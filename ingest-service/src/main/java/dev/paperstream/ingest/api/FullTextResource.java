package dev.paperstream.ingest.api;

import dev.paperstream.events.ArxivId;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.feed.UnreadableDocumentException;
import dev.paperstream.ingest.fulltext.FullTextConfig;
import dev.paperstream.ingest.fulltext.FullTextService;
import dev.paperstream.ingest.pdf.PdfParserBusyException;
import dev.paperstream.ingest.pdf.UnparseablePdfException;
import dev.paperstream.ingest.store.PaperVersionRepository;
import dev.paperstream.ingest.store.ParsedPaperRepository;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * {@code /api/papers/{id}/fulltext}: POST a PDF or a GROBID TEI to parse it and publish paper.parsed;
 * GET the parsed structure. The id may carry a version ({@code 2307.08691v2}); without one it is the
 * latest version ingest knows.
 */
@Path("/api/papers/{id: .+}/fulltext")
@Produces(MediaType.APPLICATION_JSON)
public class FullTextResource {
    private final FullTextService fullText;
    private final ParsedPaperRepository parsed;
    private final PaperVersionRepository versions;
    private final FullTextConfig config;

    public FullTextResource(FullTextService fullText, ParsedPaperRepository parsed, PaperVersionRepository versions,
            FullTextConfig config) {
        this.fullText = fullText;
        this.parsed = parsed;
        this.versions = versions;
        this.config = config;
    }

    @POST
    @RolesAllowed("editor")
    public PaperParsed parse(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/pdf") && !type.equals("application/tei+xml") && !type.equals("application/xml")) {
            throw ProblemException.unsupportedMediaType("Content-Type '" + type + "' is not a full text; send "
                    + "application/pdf or application/tei+xml");
        }
        ArxivId paper = resolve(id);
        byte[] bytes = read(body);
        try {
            return type.equals("application/pdf") ? fullText.fromPdf(paper.id(), paper.version(), bytes)
                    : fullText.fromTei(paper.id(), paper.version(), bytes);
        } catch (UnreadableDocumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        } catch (UnparseablePdfException e) {
            // over a limit (pages, decompressed size, time, memory) as well: the detail names the limit and its value
            throw new ProblemException(422, "Unprocessable Content", e.getMessage());
        } catch (PdfParserBusyException e) {
            throw new ProblemException(503, "Service Unavailable", e.getMessage());
        }
    }

    @GET
    public PaperParsed get(@PathParam("id") String id) {
        ArxivId paper = parseId(id);
        return parsed.parsed(paper.id(), paper.version())
                .orElseThrow(() -> ProblemException.notFound("no parsed full text for " + id));
    }

    private ArxivId resolve(String id) {
        ArxivId paper = parseId(id);
        if (paper.version() > 0) {
            return paper;
        }
        int latest = versions.latestVersion(paper.id()).orElseThrow(() -> ProblemException.notFound(
                "paper " + paper.id() + " is unknown; import it first or give the version (" + paper.id() + "v1)"));
        return new ArxivId(paper.id(), latest);
    }

    private static ArxivId parseId(String id) {
        try {
            return ArxivId.parse(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private byte[] read(InputStream in) {
        long limit = config.maxBodySize().asLongValue();
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw ProblemException.tooLarge("the full text is larger than " + limit
                        + " bytes (paperstream.fulltext.max-body-size)");
            }
            if (bytes.length == 0) {
                throw ProblemException.badRequest("the body is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.badRequest("cannot read the request body: " + e.getMessage());
        }
    }
}
