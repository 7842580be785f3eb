package io.tiercare.testing;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a service's API answers is its own contract, not its storage: no public method of a resource returns a type
 * declared in a {@code repository} package, directly or inside what it returns (a page's items, a view's fields).
 */
public final class ApiShapes {

    private ApiShapes() {
    }

    /** Every "Resource.method → type" where an answer shows a storage record; empty when there is none. */
    public static List<String> storageRecordsAnswered(Class<?>... resources) {
        List<String> found = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    Set<Class<?>> seen = new HashSet<>();
                    visit(method.getGenericReturnType(), seen);
                    seen.stream().filter(type -> type.getName().contains(".repository."))
                            .forEach(type -> found.add(resource.getSimpleName() + "." + method.getName() + " → "
                                    + type.getName()));
                }
            }
        }
        return found;
    }

    private static void visit(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            visit(parameterized.getRawType(), seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                visit(argument, seen);
            }
        } else if (type instanceof GenericArrayType array) {
            visit(array.getGenericComponentType(), seen);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                visit(bound, seen);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                visit(c.getComponentType(), seen);
            } else if (c.getName().startsWith("io.tiercare.") && seen.add(c) && c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    visit(component.getGenericType(), seen);
                }
            }
        }
    }
}
