package kz.prevention.commons.problem;

/** The kinds of problem the platform answers with; their URNs never change once published. */
public enum ProblemType {
    VALIDATION(400, "The request is not valid"),
    MALFORMED_REQUEST(400, "The request body cannot be read"),
    UNAUTHORIZED(401, "A valid bearer token is required"),
    FORBIDDEN(403, "Not allowed for the caller's role, region or agency"),
    NOT_FOUND(404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "Method not allowed on this resource"),
    NOT_ACCEPTABLE(406, "Cannot produce the requested media type"),
    CONFLICT(409, "The request conflicts with the resource's current state"),
    PRECONDITION_FAILED(412, "The resource changed since the caller read it"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "The request breaks a rule of the domain"),
    PRECONDITION_REQUIRED(428, "An If-Match header is required"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    INTERNAL(500, "Unexpected error"),
    BAD_GATEWAY(502, "A service behind the gateway gave no usable answer"),
    UNAVAILABLE(503, "Temporarily unavailable"),
    GATEWAY_TIMEOUT(504, "A service behind the gateway did not answer in time"),
    HTTP_ERROR(0, "HTTP error");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:prevention:problem:" + name().toLowerCase().replace('_', '-');
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return HTTP_ERROR;
    }
}
