package io.cutover.run;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads the control API's credential, {@code Authorization: Bearer <token>}, for Quarkus Security, which hands it to
 * {@link ControlTokenIdentityProvider}. Authentication is lazy ({@code quarkus.http.auth.proactive=false}): only the
 * endpoints that demand the operator role ask for it, so the simulators' own bearer tokens never reach it.
 */
@ApplicationScoped
public class ControlTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    /** In dev mode a call without a token is the developer's: the control API is open there, as it always was. */
    private static final SecurityIdentity DEVELOPER = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("dev-mode")).addRole(ControlTokenIdentityProvider.OPERATOR).build();

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return LaunchMode.current() == LaunchMode.DEVELOPMENT ? Uni.createFrom().item(DEVELOPER)
                    : Uni.createFrom().nullItem();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return identityProviderManager.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, io.netty.handler.codec.http.HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"cutover\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
