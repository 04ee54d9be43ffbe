package kz.prevention.persistence.read;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives an {@link AuditedFile}'s answer its Content-Length before the body is written, so a HEAD states
 * the same length as the GET: Vert.x counts a GET's body itself, but a HEAD went out without a length,
 * and one set while {@link AuditedFileWriter} writes did not reach it either.
 */
public class AuditedFileLength {

    @ServerResponseFilter
    public void length(ContainerResponseContext response) {
        if (response.getEntity() instanceof AuditedFile file) {
            response.getHeaders().putSingle("Content-Length", Integer.toString(file.bytes().length));
        }
    }
}
