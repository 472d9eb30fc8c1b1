package dev.seqmind.server.api;

/**
 * A request the server refuses, answered as {@code {"error", "field", "detail"}} with {@code status}.
 *
 * @see ApiError
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String error;
    private final String field;

    public ApiException(int status, String error, String field, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.field = field;
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(400, "invalid_request", field, detail);
    }

    public static ApiException notFound(String field, String detail) {
        return new ApiException(404, "not_found", field, detail);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(error, field, getMessage());
    }
}
