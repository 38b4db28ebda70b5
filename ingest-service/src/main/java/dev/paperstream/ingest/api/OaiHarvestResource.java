package dev.paperstream.ingest.api;

import dev.paperstream.ingest.feed.UnreadableDocumentException;
import dev.paperstream.ingest.oai.OaiHarvestBusyException;
import dev.paperstream.ingest.oai.OaiHarvester;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/harvests/oai}: run (or resume) an OAI-PMH harvest for up to {@code maxPages} pages. */
@Path("/api/harvests/oai")
@Produces(MediaType.APPLICATION_JSON)
public class OaiHarvestResource {
    private final OaiHarvester harvester;

    public OaiHarvestResource(OaiHarvester harvester) {
        this.harvester = harvester;
    }

    @POST
    @RolesAllowed("editor")
    public OaiHarvester.Harvest harvest(@QueryParam("set") String set,
            @QueryParam("metadataPrefix") @DefaultValue("arXivRaw") String metadataPrefix,
            @QueryParam("maxPages") @DefaultValue("10") int maxPages) {
        if (!metadataPrefix.matches("arXivRaw|arXiv|oai_dc")) {
            throw ProblemException.badRequest("metadataPrefix must be arXivRaw, arXiv or oai_dc");
        }
        try {
            return harvester.harvest(set, metadataPrefix, Math.max(1, maxPages));
        } catch (UnreadableDocumentException e) {
            throw new ProblemException(502, "Bad Gateway", e.getMessage());
        } catch (OaiHarvestBusyException e) {
            throw new ProblemException(409, "Conflict", e.getMessage());
        }
    }
}
