package kz.prevention.gateway.limit;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who a rate limit counts against: a system by its token's client ({@code azp}) and subject, a
 * web-app user by the subject of their session, an anonymous caller by address. The identity is
 * the verified one, so a caller cannot pick another client's bucket by forging claims.
 */
public record ClientKey(String value) {

    public static ClientKey anonymous(String remoteAddress) {
        return new ClientKey("ip:" + remoteAddress);
    }

    public static ClientKey of(SecurityIdentity identity, boolean session) {
        String subject = identity.getPrincipal().getName();
        String client = "";
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            Object azp = jwt.getClaim("azp");
            client = azp != null ? azp.toString() : "";
        }
        return new ClientKey((session ? "session:" : "token:") + client + ":" + subject);
    }
}
