package io.cutover.run;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the control API's credential, {@code Authorization: Bearer <token>}, for Quarkus Security, which hands it to
 * {@link ControlTokenIdentityProvider}. Authentication is lazy ({@code quarkus.http.auth.proactive=false}): only the
 * endpoints that demand the operator role ask for it, so the simulators' own bearer tokens never reach it.
 * With an OpenID Connect provider configured ({@code quarkus.oidc.tenant-enabled}), a bearer token that is a JWT is
 * left to quarkus-oidc's mechanism, which comes after this one.
 */
@ApplicationScoped
public class ControlTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    /** In dev mode a call without a token is the developer's: the control API is open there, as it always was. */
    private static final SecurityIdentity DEVELOPER = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("dev-mode")).addRole(ControlTokenIdentityProvider.OPERATOR).build();

    private final boolean openIdConnect;

    ControlTokenMechanism(@ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean openIdConnect) {
        this.openIdConnect = openIdConnect;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return LaunchMode.current() == LaunchMode.DEVELOPMENT ? Uni.createFrom().item(DEVELOPER)
                    : Uni.createFrom().nullItem();
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (openIdConnect && isJwt(token)) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new ControlTokenIdentityProvider.Request(new TokenCredential(token, "bearer")));
    }

    /** A JSON Web Token's compact form: a base64url JSON header ({@code eyJ} is "{\"" encoded), payload and signature. */
    private static boolean isJwt(String token) {
        return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
    }

    /** Before quarkus-oidc's mechanism (its priority is the default's + 1), so that a control token never reaches it. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 10;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, io.netty.handler.codec.http.HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"cutover\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ControlTokenIdentityProvider.Request.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
