package kz.prevention.k8s.validate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Fields fabric8's typed model did not recognise. fabric8 does not fail on them: every model class
 * keeps them in {@code getAdditionalProperties()}. The API server would drop or refuse them, so a
 * misspelt {@code readinesProbe} would silently deploy a pod without a readiness probe; here each
 * one is a violation, with its path.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    static void check(RenderedObject object, List<Violation> violations) {
        if (object.isGeneric()) {
            // Custom resources are checked against their CRD's schema; only their metadata is typed.
            walk(((GenericKubernetesResource) object.typed()).getMetadata(), "metadata", object, violations);
            return;
        }
        walk(object.typed(), "", object, violations);
    }

    private static void walk(Object value, String path, RenderedObject object, List<Violation> violations) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", object, violations);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, object, violations));
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        for (Object key : extra.keySet()) {
                            violations.add(new Violation(object.id(), "unknown field '" + key + "' at "
                                    + (path.isEmpty() ? "the top level" : path.substring(path.startsWith(".") ? 1 : 0))
                                    + " (misspelt, or not in " + object.apiVersion() + ")"));
                        }
                    }
                    continue;
                }
                walk(fieldValue, path + "." + field.getName(), object, violations);
            }
        }
    }

    private static Object read(Field field, Object target) {
        try {
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field + ": " + e.getMessage(), e);
        }
    }
}
