package dev.paperstream.priority.api;

import dev.paperstream.events.PaperType;
import dev.paperstream.priority.classify.PaperTypes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the paper-type classifier learned: the words that push a paper most toward each type. */
@Path("/api/paper-types")
@Produces(MediaType.APPLICATION_JSON)
public class PaperTypeResource {
    private final PaperTypes types;

    public PaperTypeResource(PaperTypes types) {
        this.types = types;
    }

    @GET
    public Map<PaperType, List<String>> strongestWords() {
        Map<PaperType, List<String>> out = new LinkedHashMap<>();
        for (PaperType t : PaperType.values()) {
            out.put(t, types.classifier().strongestWords(t, 15));
        }
        return out;
    }
}
