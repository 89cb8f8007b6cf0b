package io.paasruntime.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.paasruntime.core.errors.ValidationFailed;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The API's JSON: snake_case names, nulls written out, and strict reading — unknown fields, wrong
 * types and malformed input are refused as {@code validation_failed} naming the field, never
 * coerced (a number is not a string, {@code "3"} is not a number).
 */
public final class Json {
    private final ObjectMapper mapper;
    private final ObjectWriter canonicalWriter;

    public Json() {
        JsonMapper m = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
        for (LogicalType type : new LogicalType[]{LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean}) {
            m.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual ? CoercionAction.TryConvert
                            : CoercionAction.Fail);
        }
        this.mapper = m;
        this.canonicalWriter = m.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** @throws ValidationFailed naming the offending field */
    public <T> T read(byte[] body, Type type) {
        requireBody(body);
        T value;
        try {
            value = mapper.readValue(body, mapper.getTypeFactory().constructType(type));
        } catch (IOException e) {
            throw refusal(e);
        }
        if (value == null) { // the body was the JSON literal null
            throw ValidationFailed.of("body", "must be a JSON object");
        }
        return value;
    }

    /** {@code body} rewritten with sorted keys and no spacing; empty when it is not JSON. */
    public Optional<byte[]> canonical(byte[] body) {
        try {
            Object value = mapper.readValue(body, Object.class);
            return Optional.of(canonicalWriter.writeValueAsBytes(value));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A JSON object as a tree, for bodies whose keys are data (config vars). */
    public JsonNode readObject(byte[] body) {
        requireBody(body);
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw ValidationFailed.of("body", "must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    private static void requireBody(byte[] body) {
        if (body.length == 0) {
            throw ValidationFailed.of("body", "is required: send a JSON object");
        }
    }

    private static ValidationFailed refusal(IOException e) {
        // a syntax error met while binding a field arrives wrapped in a JsonMappingException
        if (e instanceof JsonMappingException m && m.getCause() instanceof StreamReadException s) {
            return syntax(s, path(m));
        }
        if (e instanceof StreamReadException s) {
            return syntax(s, "body");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return ValidationFailed.of(path(u), "is not a known field");
        }
        if (e instanceof InvalidNullException n) {
            return ValidationFailed.of(path(n), "must not be null");
        }
        if (e instanceof MismatchedInputException m) {
            return ValidationFailed.of(path(m), "must be " + expected(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m) {
            return ValidationFailed.of(path(m), "has an invalid value");
        }
        return ValidationFailed.of("body", "is not valid JSON");
    }

    /** Malformed JSON names the body and where; a number too big for its field names the field. */
    private static ValidationFailed syntax(StreamReadException e, String field) {
        if (e instanceof InputCoercionException) {
            String name = field;
            if (name.equals("body") && e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null
                    && p.getParsingContext().getCurrentName() != null) {
                name = p.getParsingContext().getCurrentName();
            }
            return ValidationFailed.of(name, "is out of range");
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return ValidationFailed.of("body", "is not valid JSON" + where);
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }
}
