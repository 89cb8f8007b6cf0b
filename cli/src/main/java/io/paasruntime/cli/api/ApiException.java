package io.paasruntime.cli.api;

import java.util.List;

/**
 * An error answer from the API, read from its envelope
 * {@code {"error":{"code","message","request_id","ts","details"}}}.
 *
 * @param details one {@code "field: problem"} per invalid field, for validation errors
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String requestId;
    private final List<String> details;

    public ApiException(int status, String code, String message, String requestId, List<String> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.requestId = requestId;
        this.details = List.copyOf(details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }

    public List<String> details() {
        return details;
    }

    /** The one line the CLI prints: message, field problems, a login hint on 401, the request id. */
    public String describe() {
        StringBuilder sb = new StringBuilder(getMessage());
        String fieldProblems = String.join("; ", details);
        // the server's message for a validation error already lists the fields: don't say it twice
        if (!details.isEmpty() && !getMessage().contains(fieldProblems)) {
            sb.append(": ").append(fieldProblems);
        }
        if (status == 401) {
            sb.append("; run paas login");
        }
        if (requestId != null && !requestId.isBlank()) {
            sb.append(" (request_id: ").append(requestId).append(')');
        }
        return sb.toString();
    }
}
