package dev.paperstream.support.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of every service as {@code application/problem+json} with a detail that says what is wrong. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return respond(new Problem("about:blank", "Bad Request", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response r = e.getResponse();
        String title = r.getStatusInfo().getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? title : e.getMessage();
        if (e.getCause() != null && r.getStatus() == 400 && e.getCause().getMessage() != null) {
            detail = detail + ": " + e.getCause().getMessage();
        }
        return respond(new Problem("about:blank", title, r.getStatus(), detail, path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error on " + path(uri), e);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "unexpected error: " + e.getClass().getSimpleName(), path(uri), null));
    }

    private static String leaf(String path) {
        int dot = path.indexOf('.');
        // "method.arg.field" -> "arg.field" is noise for a client: keep what follows the method name
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
