package dev.paperstream.ingest.api;

import dev.paperstream.ingest.feed.FeedPage;
import dev.paperstream.ingest.feed.UnreadableDocumentException;
import dev.paperstream.ingest.imports.DocumentReader;
import dev.paperstream.ingest.imports.ImportConfig;
import dev.paperstream.ingest.imports.ImportResult;
import dev.paperstream.ingest.imports.PaperImporter;
import dev.paperstream.ingest.snapshot.SnapshotImporter;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/imports}: a feed document in the body, one paper.discovered per new paper version. */
@Path("/api/imports")
public class ImportResource {
    private final DocumentReader reader;
    private final PaperImporter importer;
    private final ImportConfig config;
    private final SnapshotImporter snapshots;

    public ImportResource(DocumentReader reader, PaperImporter importer, ImportConfig config,
            SnapshotImporter snapshots) {
        this.reader = reader;
        this.importer = importer;
        this.config = config;
        this.snapshots = snapshots;
    }

    @POST
    @RolesAllowed("editor")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an arXiv API Atom page, an RSS feed or a metadata snapshot (JSON Lines, streamed,"
            + " no size limit); new versions are published as paper.discovered")
    public ImportResult importDocument(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        String mediaType = mediaType(contentType);
        if (DocumentReader.SNAPSHOT.equals(mediaType)) {
            return snapshots.importLines(body, contentLength == null ? -1 : contentLength);
        }
        long limit = config.maxBodySize().asLongValue();
        if (contentLength != null && contentLength > limit) {
            throw tooLarge(limit);
        }
        FeedPage page;
        try {
            page = reader.read(mediaType, readAtMost(body, limit));
        } catch (UnreadableDocumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        return importer.importPage(page);
    }

    private String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw ProblemException.unsupportedMediaType("no Content-Type; send one of " + DocumentReader.SUPPORTED);
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!reader.supports(type)) {
            throw ProblemException.unsupportedMediaType("Content-Type " + type + " is not importable; send one of "
                    + DocumentReader.SUPPORTED);
        }
        return type;
    }

    private static byte[] readAtMost(InputStream in, long limit) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ProblemException.badRequest("cannot read the request body: " + e.getMessage());
        }
    }

    private static ProblemException tooLarge(long limit) {
        return ProblemException.tooLarge("the body is larger than the import limit of " + limit
                + " bytes (paperstream.imports.max-body-size)");
    }
}
