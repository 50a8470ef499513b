package io.cutover.run;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The control API's one identity: whoever presents {@code cutover.control.token} (CUTOVER_CONTROL_TOKEN) is the
 * operator. Without a token configured every credential is refused: the control API is off.
 */
@ApplicationScoped
public class ControlTokenIdentityProvider implements IdentityProvider<ControlTokenIdentityProvider.Request> {

    /** The role every control endpoint demands. */
    public static final String OPERATOR = "operator";

    /**
     * A bearer token presented as the control token: a type of its own, so that quarkus-oidc's bearer tokens (plain
     * {@link TokenAuthenticationRequest}s) never reach this provider, nor the control token quarkus-oidc's.
     */
    public static final class Request extends BaseAuthenticationRequest {
        private final TokenCredential token;

        public Request(TokenCredential token) {
            this.token = token;
        }

        TokenCredential token() {
            return token;
        }
    }

    private final Optional<byte[]> token;

    ControlTokenIdentityProvider(ControlConfig control) {
        this.token = control.token().filter(value -> !value.isBlank()).map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Class<Request> getRequestType() {
        return Request.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
        if (token.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "The control API is off: set the token it requires in CUTOVER_CONTROL_TOKEN"));
        }
        // compared in constant time: the time a refusal takes tells nothing of how much of the token was right
        if (!MessageDigest.isEqual(token.get(), request.token().getToken().getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The bearer token is not the control token"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("control-token"))
                .addRole(OPERATOR).addCredential(request.token()).build());
    }
}
