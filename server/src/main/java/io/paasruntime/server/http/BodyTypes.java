package io.paasruntime.server.http;

import io.paasruntime.core.support.PageView;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;

/** Generic body types for route declarations, e.g. {@code PageView<AppView>}, without reflection tricks. */
public final class BodyTypes {
    private BodyTypes() {
    }

    public static Type pageOf(Class<?> item) {
        return new Generic(PageView.class, new Type[]{item});
    }

    public static Type mapOf(Class<?> key, Class<?> value) {
        return new Generic(Map.class, new Type[]{key, value});
    }

    private record Generic(Class<?> raw, Type[] args) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p && raw.equals(p.getRawType())
                    && Arrays.equals(args, p.getActualTypeArguments()) && p.getOwnerType() == null;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            return raw.getSimpleName() + Arrays.toString(args);
        }
    }
}
