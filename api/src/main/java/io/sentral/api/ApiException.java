package io.sentral.api;

/**
 * Thrown by a handler to answer with a problem document (RFC 9457): the status, a title and a
 * detail that names what is wrong (the field, the value).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String title;

    public ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    HttpAnswer answer() {
        return HttpAnswer.problem(status, title, getMessage());
    }

    public int status() {
        return status;
    }
}
