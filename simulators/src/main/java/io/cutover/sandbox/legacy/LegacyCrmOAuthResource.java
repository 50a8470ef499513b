package io.cutover.sandbox.legacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The legacy CRM's OAuth2 token endpoint, client credentials grant (RFC 6749 4.4): the client authenticates with HTTP
 * Basic or with client_id and client_secret in the form, and gets a short-lived bearer token.
 */
@Path("/legacy-crm/oauth/token")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyCrmOAuthResource {

    @Inject
    LegacyCrmConfig config;
    @Inject
    LegacyCrmBehaviour behaviour;
    @Inject
    LegacyCrmTokens tokens;
    @Inject
    LegacyCrmCounters counters;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("scope") String scope,
            @FormParam("client_id") String formClientId, @FormParam("client_secret") String formClientSecret,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!"client_credentials".equals(grantType)) {
            return error(Response.Status.BAD_REQUEST, "unsupported_grant_type", "only client_credentials is supported");
        }
        String[] client = basicCredentials(authorization);
        if (client == null) {
            client = new String[] {formClientId, formClientSecret};
        }
        if (!config.clientId().equals(client[0]) || !config.clientSecret().equals(client[1])) {
            return error(Response.Status.UNAUTHORIZED, "invalid_client", "unknown client or wrong secret");
        }
        long lifetime = behaviour.settings().tokenLifetimeSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(Duration.ofSeconds(lifetime)));
        counters.tokensIssued.incrementAndGet();
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime);
        if (scope != null) {
            body.put("scope", scope);
        }
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    /** Id and secret from {@code Basic base64(urlencode(id):urlencode(secret))}; null without such a header. */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static Response error(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
