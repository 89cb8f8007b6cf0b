package io.paasruntime.core.support;

import io.paasruntime.core.errors.FieldProblem;
import io.paasruntime.core.errors.ValidationFailed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A listing's {@code limit} and {@code cursor} as the client sent them, checked. Cursors are opaque
 * to clients: the listing name and the keyset position, base64url-encoded, so that a cursor from one
 * listing cannot be used on another.
 */
public record PageRequest(int limit, Optional<String> position) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * @param listing the listing the cursor must belong to, e.g. {@code apps}
     * @throws ValidationFailed naming {@code limit} and/or {@code cursor}
     */
    public static PageRequest parse(String listing, Optional<String> limit, Optional<String> cursor) {
        return parse(listing, limit, cursor, DEFAULT_LIMIT, MAX_LIMIT);
    }

    public static PageRequest parse(String listing, Optional<String> limit, Optional<String> cursor, int defaultLimit,
                                    int maxLimit) {
        List<FieldProblem> problems = new ArrayList<>();
        int n = defaultLimit;
        if (limit.isPresent()) {
            try {
                n = Integer.parseInt(limit.get().trim());
                if (n < 1 || n > maxLimit) {
                    problems.add(new FieldProblem("limit", "must be between 1 and " + maxLimit));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("limit", "must be an integer between 1 and " + maxLimit));
            }
        }
        Optional<String> position = Optional.empty();
        if (cursor.isPresent() && !cursor.get().isEmpty()) {
            position = decode(listing, cursor.get());
            if (position.isEmpty()) {
                problems.add(new FieldProblem("cursor", "is not a cursor this listing issued"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
        return new PageRequest(n, position);
    }

    /** The cursor a client passes to continue a listing after {@code position}. */
    public static String encode(String listing, String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((listing + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> decode(String listing, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String prefix = listing + ":";
            return text.startsWith(prefix) && text.length() > prefix.length()
                    ? Optional.of(text.substring(prefix.length())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
