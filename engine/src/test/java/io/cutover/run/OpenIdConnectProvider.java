package io.cutover.run;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * An OpenID Connect provider's signing key, as an operator would configure one without discovery: the provider's public
 * key and issuer, its "cutover-operators" group mapped to the operator role. The test signs access tokens with the
 * private key, and forged ones with a key the configuration does not know.
 */
public class OpenIdConnectProvider implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://login.example.com/realms/cutover";
    public static KeyPair provider;
    public static KeyPair forger;

    @Override
    public Map<String, String> start() {
        provider = rsa();
        forger = rsa();
        return Map.of("quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(provider.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.http.auth.roles-mapping.\"cutover-operators\"", "operator");
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
