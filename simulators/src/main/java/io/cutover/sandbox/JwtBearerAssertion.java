package io.cutover.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * An OAuth 2.0 JWT bearer assertion checked as Salesforce checks it: signed RS256 with the connected app's key
 * (verified with its certificate), issued by the connected app (its client id), for a user of the org, for this login
 * server (the audience), not expired.
 */
final class JwtBearerAssertion {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtBearerAssertion() {
    }

    /** Why the assertion is refused; empty when it is good. */
    static Optional<String> problem(String assertion, Path certificate, String clientId, String username, String audience) {
        if (assertion == null) {
            return Optional.of("assertion missing");
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return Optional.of("assertion is not a signed JWT (header.claims.signature)");
        }
        try {
            JsonNode header = JSON.readTree(decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText())) {
                return Optional.of("alg " + header.path("alg").asText() + " is not RS256");
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(publicKey(certificate));
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(decode(parts[2]))) {
                return Optional.of("invalid assertion: the signature does not verify with the connected app's certificate");
            }
            JsonNode claims = JSON.readTree(decode(parts[1]));
            if (!clientId.equals(claims.path("iss").asText())) {
                return Optional.of("invalid issuer " + claims.path("iss").asText());
            }
            if (!username.equals(claims.path("sub").asText())) {
                return Optional.of("user " + claims.path("sub").asText() + " is not a user of this org");
            }
            if (!audience.equals(claims.path("aud").asText())) {
                return Optional.of("audience " + claims.path("aud").asText() + " is not " + audience);
            }
            // camel-salesforce writes exp as a string of seconds; the standard says a number: either is taken
            if (Long.parseLong(claims.path("exp").asText("0")) < Instant.now().getEpochSecond()) {
                return Optional.of("expired assertion");
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("invalid assertion: " + e.getMessage());
        }
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static PublicKey publicKey(Path certificate) throws IOException, GeneralSecurityException {
        try (InputStream pem = Files.newInputStream(certificate)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(pem).getPublicKey();
        }
    }
}
