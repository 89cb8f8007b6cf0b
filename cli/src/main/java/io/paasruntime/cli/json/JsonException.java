package io.paasruntime.cli.json;

/** A document that is not valid JSON. */
public final class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }
}
