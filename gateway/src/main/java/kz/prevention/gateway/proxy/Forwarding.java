package kz.prevention.gateway.proxy;

import kz.prevention.gateway.proxy.UpstreamRoutes.Resolved;

/**
 * What the gateway decided about one request before forwarding it: where it goes, under which
 * correlation ids, and which bearer token the service gets ({@code null}: the caller's own
 * {@code Authorization} header, if any, passes unchanged).
 */
public record Forwarding(Resolved route, RequestCorrelation correlation, String relayedToken, boolean fromSession) {
}
