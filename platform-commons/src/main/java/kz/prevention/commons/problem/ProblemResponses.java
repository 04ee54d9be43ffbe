package kz.prevention.commons.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, int status, String detail, String instance,
            List<Problem.FieldError> errors, Map<String, String> headers) {
        String title = type == ProblemType.HTTP_ERROR ? statusTitle(status) : type.title();
        Problem body = new Problem(type.uri(), title, status, detail, instance, null, errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        headers.forEach(builder::header);
        return builder.build();
    }

    public static Response incident(String incidentId, String instance) {
        Problem body = new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                "The server failed to handle the request. Read the resource again before retrying, and quote the"
                        + " incident id if this persists.", instance, incidentId, List.of());
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String statusTitle(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s != null ? s.getReasonPhrase() : "HTTP " + status;
    }
}
