package kz.prevention.persistence.read;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives an {@link AuditedFile}'s answer its Content-Length before the body is written, so a HEAD, which
 * Quarkus REST answers without calling {@link AuditedFileWriter}, states the same length as the GET.
 */
public class AuditedFileLength {

    @ServerResponseFilter
    public void length(ContainerResponseContext response) {
        if (response.getEntity() instanceof AuditedFile file) {
            response.getHeaders().putSingle("Content-Length", Integer.toString(file.bytes().length));
        }
    }
}
