package dev.paperstream.support.contract;

import dev.paperstream.events.EventContract;
import dev.paperstream.events.EventType;
import dev.paperstream.support.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event contract every service speaks, served as the events jar holds it: the AsyncAPI document and
 * one JSON Schema per event type. It is not secret, so it follows the service's read rule like any other
 * read under {@code /api/}: open unless {@code paperstream.auth.reads-need-token} is on, then any valid
 * token. The AsyncAPI document refers to the schemas by relative paths, which resolve to the schema
 * endpoint when the document is read from here.
 */
@Path("/api/contract")
public class ContractResource {
    static final String SCHEMA_JSON = "application/schema+json";
    private static final byte[] ASYNCAPI = EventContract.read(EventContract.ASYNCAPI);
    private static final Map<String, byte[]> SCHEMAS = new LinkedHashMap<>();

    static {
        for (EventType type : EventType.values()) {
            SCHEMAS.put(EventContract.schemaName(type), EventContract.read(EventContract.schemaResource(type)));
        }
    }

    /** Where the documents are: the AsyncAPI document and each event type's schema, by ce_type. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> index() {
        Map<String, String> schemas = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            schemas.put(type.ceType(), "/api/contract/schemas/" + EventContract.schemaName(type) + ".json");
        }
        return Map.of("asyncapi", "/api/contract/asyncapi.json", "schemas", schemas);
    }

    @GET
    @Path("asyncapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] asyncApi() {
        return ASYNCAPI;
    }

    @GET
    @Path("schemas/{name}.json")
    @Produces(SCHEMA_JSON)
    public byte[] schema(@PathParam("name") String name) {
        byte[] schema = SCHEMAS.get(name);
        if (schema == null) {
            throw ProblemException.notFound("no event schema '" + name + "'; the schemas are "
                    + String.join(", ", SCHEMAS.keySet()) + " (the ce_type without 'paperstream.')");
        }
        return schema;
    }
}
