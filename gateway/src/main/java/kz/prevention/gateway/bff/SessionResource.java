package kz.prevention.gateway.bff;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerResponse;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.gateway.config.BffConfig;

/**
 * The web app's session: sign in (a redirect through Keycloak's login page), who is signed in
 * (with the CSRF token the app echoes on changes), and the page after signing out. Signing out
 * itself is quarkus-oidc's {@code /bff/logout}, which ends the Keycloak session too.
 */
@Path("/bff")
@Tag(name = "web app session")
public class SessionResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    CsrfGuard csrf;

    @Inject
    BffConfig config;

    @Inject
    HttpServerResponse response;

    @GET
    @Path("/login")
    @Authenticated
    @Operation(summary = "Sign in through Keycloak, then go to `redirect` (a path of this site) or the app")
    public Response login(@QueryParam("redirect") String redirect) {
        String target = redirect != null && redirect.startsWith("/") && !redirect.startsWith("//")
                && !redirect.contains("\\") ? redirect : config.home();
        return Response.seeOther(URI.create(target)).build();
    }

    @GET
    @Path("/session")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in user, and a fresh CSRF token (also set as the XSRF-TOKEN cookie)")
    public Session session() {
        if (identity.isAnonymous()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Not signed in: open /bff/login");
        }
        var cookie = csrf.newTokenCookie();
        response.addCookie(cookie);
        return new Session(identity.getPrincipal().getName(), idToken.getClaim("name"),
                new TreeSet<>(identity.getRoles()), idToken.getClaim("agency"), idToken.getClaim("region"),
                cookie.getValue());
    }

    @GET
    @Path("/signed-out")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Where Keycloak returns the browser after signing out")
    public String signedOut() {
        return "Signed out.";
    }

    /** What the web app may know of its user: no token, ever. */
    public record Session(String username, String name, Set<String> roles, String agency, String region,
            String csrfToken) {
    }
}
