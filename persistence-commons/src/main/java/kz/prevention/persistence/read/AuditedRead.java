package kz.prevention.persistence.read;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a non-GET endpoint that only reads (e.g. a question asked with POST so that an IIN is not
 * in a URL): {@link kz.prevention.persistence.audit.ReadAuditFilter} audits its answer as it does a GET's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AuditedRead {
}
