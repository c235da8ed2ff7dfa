package org.phyle.node.http;

import org.phyle.core.RejectionCode;

/**
 * Why the HTTP server refuses a request before any rule of the society looks at it: the request itself is not one the
 * server reads (malformed HTTP, too long, too slow, the wrong media type) or its sender has used its share. Each
 * carries the HTTP status it is answered with.
 */
public enum HttpCode implements RejectionCode {
    BAD_HTTP_REQUEST(400, Kind.MALFORMED, "The request is not well-formed HTTP: a path with bytes that are not allowed, "
            + "a bad header, or an unreadable request line."),
    BODY_INCOMPLETE(400, Kind.MALFORMED, "The request body ended before the length it declared, or could not be read."),
    HTTP_METHOD_NOT_ALLOWED(405, Kind.NOT_FOUND, "This resource does not answer this HTTP method."),
    REQUEST_TIMEOUT(408, Kind.UNAVAILABLE, "The request did not arrive in full within the node's deadline for one "
            + "request."),
    URI_TOO_LONG(414, Kind.TOO_LARGE, "The request's path and query are longer than the node reads."),
    UNSUPPORTED_MEDIA_TYPE(415, Kind.MALFORMED, "A signed transaction must be sent with Content-Type: application/json."),
    HEADERS_TOO_LARGE(431, Kind.TOO_LARGE, "The request's headers are larger than the node reads."),
    QUOTA_EXCEEDED(429, Kind.UNAVAILABLE, "The signer has used its write quota for the current period, which the "
            + "charter sets by standing; Retry-After says when the next write is accepted."),
    ADMISSION_LIMITED(429, Kind.UNAVAILABLE, "This connection or address has sent more refused or unverifiable writes "
            + "than the node admits for now; Retry-After says when it admits more."),
    INTERNAL(500, Kind.UNAVAILABLE, "The node failed to answer because of a fault of its own; its operator has the "
            + "details in the log.");

    private final int status;
    private final Kind kind;
    private final String meaning;

    HttpCode(int status, Kind kind, String meaning) {
        this.status = status;
        this.kind = kind;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /** The code for a status the HTTP server raised on its own (before any handler of ours ran). */
    static HttpCode forStatus(int status) {
        return switch (status) {
            case 405 -> HTTP_METHOD_NOT_ALLOWED;
            case 408 -> REQUEST_TIMEOUT;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 429 -> ADMISSION_LIMITED;
            default -> status >= 500 ? INTERNAL : BAD_HTTP_REQUEST;
        };
    }

    /** A sentence for a person, for a status the HTTP server raised on its own. */
    static String sentenceFor(int status) {
        return switch (status) {
            case 404 -> "there is no such resource on this node";
            case 405 -> "this resource does not answer this method";
            case 408 -> "the request did not arrive in full in time";
            case 413 -> "the request is larger than this node accepts";
            case 414 -> "the request's path and query are too long";
            case 415 -> "this request needs Content-Type: application/json";
            case 431 -> "the request's headers are too large";
            default -> status >= 500 ? "the node failed to answer; its operator has the details"
                    : "the request is not well-formed HTTP (a path, header or request line the node cannot read)";
        };
    }
}
