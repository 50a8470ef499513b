package io.cutover.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Salesforce's OAuth 2.0 token endpoint for the username-password, client-credentials, refresh token and JWT bearer flows. */
@Path("/services/oauth2")
public class OAuthResource {

    static final String USER_ID = "0058d000000AdmnAAC";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    @Inject
    SandboxConfig config;

    @Inject
    SessionRegistry sessions;

    public record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("instance_url") String instanceUrl, String id,
            @JsonProperty("token_type") String tokenType, @JsonProperty("issued_at") String issuedAt,
            String signature) {
    }

    public record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret, @FormParam("username") String username,
            @FormParam("password") String password, @FormParam("assertion") String assertion,
            @FormParam("refresh_token") String refreshToken, @Context UriInfo uri) {
        if (JWT_BEARER.equals(grantType)) {
            return jwtBearer(assertion, uri);
        }
        if (!List.of("password", "client_credentials", "refresh_token").contains(grantType)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new OAuthError("unsupported_grant_type", "grant type not supported")).build();
        }
        if (!config.clientId().equals(clientId)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new OAuthError("invalid_client_id", "client identifier invalid")).build();
        }
        if (!config.clientSecret().equals(clientSecret)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new OAuthError("invalid_client", "invalid client credentials")).build();
        }
        if ("refresh_token".equals(grantType) && !config.refreshToken().equals(refreshToken)) {
            // Salesforce's answer to a refresh token revoked or never issued
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new OAuthError("invalid_grant", "expired access/refresh token")).build();
        }
        boolean userAuthenticated = !"password".equals(grantType)
                || config.username().equals(username) && config.password().equals(password);
        if (!userAuthenticated) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new OAuthError("invalid_grant", "authentication failure")).build();
        }
        return session(uri);
    }

    /** The JWT bearer flow: no secret, an assertion signed with the connected app's key. */
    private Response jwtBearer(String assertion, UriInfo uri) {
        if (config.jwtCertificate().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new OAuthError("invalid_grant",
                    "the connected app has no certificate for the JWT bearer flow (cutover.sandbox.jwt-certificate)")).build();
        }
        String audience = withoutTrailingSlash(uri.getBaseUri().toString());
        return JwtBearerAssertion.problem(assertion, config.jwtCertificate().get(), config.clientId(), config.username(),
                        audience)
                .map(problem -> Response.status(Response.Status.BAD_REQUEST).entity(new OAuthError("invalid_grant", problem))
                        .build())
                .orElseGet(() -> session(uri));
    }

    private Response session(UriInfo uri) {
        String instanceUrl = withoutTrailingSlash(uri.getBaseUri().toString());
        String id = instanceUrl + "/id/" + SalesforceIds.to18(SessionRegistry.ORG_ID) + "/" + USER_ID;
        String issuedAt = Long.toString(Instant.now().toEpochMilli());
        return Response.ok(new TokenResponse(sessions.open(), instanceUrl, id, "Bearer", issuedAt,
                sign(id + issuedAt))).build();
    }

    @GET
    @Path("revoke")
    public Response revokeByGet(@QueryParam("token") String token) {
        sessions.revoke(token);
        return Response.ok().build();
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeByPost(@FormParam("token") String token) {
        sessions.revoke(token);
        return Response.ok().build();
    }

    /** Salesforce signs id + issued_at with the client secret so that clients can check the response's origin. */
    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
