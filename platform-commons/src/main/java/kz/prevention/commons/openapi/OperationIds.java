package kz.prevention.commons.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Short, unique operation ids from SmallRye's {@code CLASS_METHOD} ids: {@code EntryResource_register}
 * becomes {@code register} where no other operation of the service has a method of that name,
 * and {@code entryRegister} where one does ({@code PersonResource_get} and {@code EntryResource_get}
 * become {@code personGet} and {@code entryGet}). Generated clients then read naturally, and
 * adding a resource never silently renames another's operation to a clash.
 */
final class OperationIds {

    private OperationIds() {
    }

    static void simplify(OpenAPI openAPI) {
        List<Operation> operations = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> operations.addAll(item.getOperations().values()));
        Map<String, Integer> methodCount = new HashMap<>();
        for (Operation op : operations) {
            String id = op.getOperationId();
            if (id != null && id.contains("_")) {
                methodCount.merge(method(id), 1, Integer::sum);
            }
        }
        for (Operation op : operations) {
            String id = op.getOperationId();
            if (id == null || !id.contains("_")) {
                continue;
            }
            String method = method(id);
            op.setOperationId(methodCount.get(method) == 1 ? method : qualified(id));
        }
    }

    private static String method(String classMethod) {
        return classMethod.substring(classMethod.lastIndexOf('_') + 1);
    }

    private static String qualified(String classMethod) {
        String cls = classMethod.substring(0, classMethod.lastIndexOf('_'));
        cls = cls.endsWith("Resource") ? cls.substring(0, cls.length() - "Resource".length()) : cls;
        String method = method(classMethod);
        return Character.toLowerCase(cls.charAt(0)) + cls.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }
}
