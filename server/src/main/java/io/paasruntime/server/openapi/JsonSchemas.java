package io.paasruntime.server.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1) of the API's body types, found by
 * reflection: a record becomes a component named after its type ({@code AppView} → {@code App},
 * {@code PageView<AppView>} → {@code AppPage}) whose properties are its components in snake_case, as
 * {@link io.paasruntime.server.http.Json} writes them. {@link SchemaHints} adds what types cannot say.
 *
 * <p>Answers always carry every field (the server writes nulls), so in a {@link Direction#RESPONSE}
 * schema all fields are required and the nullable ones allow {@code null}; in a request only the
 * fields the server insists on are required. Unknown fields are refused both ways
 * ({@code additionalProperties: false}), as the server's reader refuses them.
 */
final class JsonSchemas {
    /** Whether a type is read from requests or written in answers. */
    enum Direction { REQUEST, RESPONSE }

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private static final Set<Class<?>> BOXED = Set.of(Integer.class, Long.class, Double.class, Float.class,
            Short.class, Boolean.class);

    private final Map<String, Object> components = new TreeMap<>();
    /** Component name → the type and direction it was made for, so two types never share a name. */
    private final Map<String, List<Object>> origins = new HashMap<>();

    JsonSchemas() {
        SchemaHints.checkNames();
    }

    /** The schema of {@code type}: a {@code $ref} for records (added to {@link #components()}), inline otherwise. */
    Map<String, Object> schema(Type type, Direction direction) {
        return schema(type, direction, Map.of());
    }

    /** The components made so far, by name. */
    Map<String, Object> components() {
        return components;
    }

    private Map<String, Object> schema(Type type, Direction direction, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            if (bound == null) {
                throw new IllegalArgumentException("unbound type variable " + variable + ": declare the body as e.g. BodyTypes.pageOf(…)");
            }
            return schema(bound, direction, bindings);
        }
        if (type instanceof WildcardType wildcard) {
            return schema(wildcard.getUpperBounds()[0], direction, bindings);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = Arrays.stream(parameterized.getActualTypeArguments())
                    .map(a -> a instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : a)
                    .toArray(Type[]::new);
            if (Collection.class.isAssignableFrom(raw)) {
                return object("type", "array", "items", schema(args[0], direction, bindings));
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (args[0] != String.class) {
                    throw new IllegalArgumentException("JSON object keys are strings, not " + args[0]);
                }
                Map<String, Object> value = schema(args[1], direction, bindings);
                // a request map may carry null values: PATCH /config unsets a key with null
                return object("type", "object", "additionalProperties",
                        direction == Direction.REQUEST ? nullable(value) : value);
            }
            if (raw.isRecord()) {
                return ref(component(raw, args, direction));
            }
            throw unsupported(type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return object("type", "string");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return object("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return object("type", "integer", "format", "int64");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return object("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return object("type", "boolean");
        }
        if (c.isRecord()) {
            return ref(component(c, new Type[0], direction));
        }
        if (c.isEnum()) {
            return object("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (Map.class.isAssignableFrom(c) || JsonNode.class.isAssignableFrom(c)) {
            return object("type", "object");
        }
        if (c == Object.class) {
            return new LinkedHashMap<>(); // any JSON value
        }
        throw unsupported(type);
    }

    private String component(Class<?> record, Type[] args, Direction direction) {
        String name = componentName(record, args);
        List<Object> origin = List.of(record, List.of(args), direction);
        List<Object> earlier = origins.putIfAbsent(name, origin);
        if (earlier != null) {
            if (!earlier.equals(origin)) {
                throw new IllegalStateException("two body types would both be the schema '" + name + "': " + earlier
                        + " and " + origin + " (a record used in requests and answers needs two records)");
            }
            return name;
        }
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        TypeVariable<?>[] variables = record.getTypeParameters();
        for (int i = 0; i < variables.length; i++) {
            bindings.put(variables[i], args[i]);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent rc : record.getRecordComponents()) {
            String property = SNAKE_CASE.translate(rc.getName());
            Map<String, Object> schema = schema(rc.getGenericType(), direction, bindings);
            List<String> values = SchemaHints.enumValues(record, rc.getName());
            if (!values.isEmpty()) {
                schema.put("enum", values);
            }
            if (property.endsWith("_at") || property.equals("ts")) {
                schema.put("format", "date-time"); // RFC 3339, as the core formats every instant
            }
            if (direction == Direction.RESPONSE) {
                if (BOXED.contains(rc.getType()) || SchemaHints.nullable(record, rc.getName())) {
                    schema = nullable(schema);
                }
                if (!omittedWhenEmpty(rc)) {
                    required.add(property);
                }
            } else if (SchemaHints.required(record, rc.getName())) {
                required.add(property);
            } else if (!rc.getType().isPrimitive()) {
                schema = nullable(schema); // the reader takes null for a field it may go without
            }
            properties.put(property, schema);
        }
        Map<String, Object> schema = object("type", "object", "properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        components.put(name, schema);
        return name;
    }

    /** Fields marked {@code @JsonInclude(NON_NULL or NON_EMPTY)} are left out of answers when there is nothing to say. */
    private static boolean omittedWhenEmpty(RecordComponent rc) {
        JsonInclude include = rc.getAccessor().getAnnotation(JsonInclude.class);
        return include != null && include.value() != JsonInclude.Include.ALWAYS;
    }

    /** {@code {"type":"string"}} → {@code {"type":["string","null"]}}; a reference → {@code anyOf} it or null. */
    static Map<String, Object> nullable(Map<String, Object> schema) {
        if (schema.containsKey("$ref")) {
            return object("anyOf", List.of(schema, object("type", "null")));
        }
        if (!(schema.get("type") instanceof String type)) {
            return schema; // already nullable, or any value
        }
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put("type", List.of(type, "null"));
        if (copy.get("enum") instanceof List<?> values) {
            List<Object> withNull = new ArrayList<>(values);
            withNull.add(null);
            copy.put("enum", withNull);
        }
        return copy;
    }

    /** {@code AppView} → {@code App}; {@code AppView.CurrentRelease} → {@code AppCurrentRelease}; {@code PageView<AppView>} → {@code AppPage}. */
    static String componentName(Class<?> record, Type[] args) {
        StringBuilder name = new StringBuilder();
        for (Type arg : args) {
            if (!(arg instanceof Class<?> c)) {
                throw unsupported(arg);
            }
            name.append(componentName(c, new Type[0]));
        }
        Class<?> outer = record.getEnclosingClass();
        if (outer != null && outer.isRecord()) {
            name.append(withoutView(outer.getSimpleName()));
        }
        return name.append(withoutView(record.getSimpleName())).toString();
    }

    private static String withoutView(String simpleName) {
        return simpleName.endsWith("View") && simpleName.length() > 4
                ? simpleName.substring(0, simpleName.length() - 4) : simpleName;
    }

    private static Map<String, Object> ref(String component) {
        return object("$ref", "#/components/schemas/" + component);
    }

    /** A mutable JSON object from alternating keys and values, in order. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static IllegalArgumentException unsupported(Type type) {
        return new IllegalArgumentException("no JSON Schema for " + type.getTypeName()
                + ": bodies are records, strings, numbers, booleans, lists and maps with string keys");
    }
}
