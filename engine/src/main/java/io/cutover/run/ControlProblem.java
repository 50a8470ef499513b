package io.cutover.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A call the control API refuses, answered as {@code application/problem+json} (RFC 9457) by {@link ControlProblems}.
 * Each kind has its own {@code type}, which docs/runs.md lists.
 */
public class ControlProblem extends RuntimeException {

    public static final String MEDIA_TYPE = "application/problem+json";

    public enum Kind {
        BAD_REQUEST(400, "bad-request", "The request is not one the control API takes"),
        UNAUTHORIZED(401, "unauthorized", "The control token is required"),
        NOT_FOUND(404, "not-found", "No such run or file"),
        CONFLICT(409, "conflict", "Not now: the state of the runs does not allow it");

        final int status;
        final String type;
        final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.type = "urn:cutover:problem:" + slug;
            this.title = title;
        }
    }

    /** The body: RFC 9457's members; {@code instance} is the path of the call refused. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Problem", description = "RFC 9457 problem details")
    public record Details(String type, String title, int status, String detail, String instance) {}

    private final Kind kind;

    private ControlProblem(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public static ControlProblem badRequest(String detail) {
        return new ControlProblem(Kind.BAD_REQUEST, detail);
    }

    public static ControlProblem notFound(String detail) {
        return new ControlProblem(Kind.NOT_FOUND, detail);
    }

    public static ControlProblem conflict(String detail) {
        return new ControlProblem(Kind.CONFLICT, detail);
    }

    Kind kind() {
        return kind;
    }
}
