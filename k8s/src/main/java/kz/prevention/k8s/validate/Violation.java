package kz.prevention.k8s.validate;

/** One thing wrong with one rendered object ({@code Kind/name}). */
public record Violation(String object, String message) {

    @Override
    public String toString() {
        return object + ": " + message;
    }
}
