package io.cutover.run;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A connected app's key for the JWT bearer flow, made with the JDK's keytool as an administrator would: Cutover signs
 * with the PKCS12 key store, the sandbox verifies with the exported certificate. A second key, whose certificate the
 * sandbox does not have, signs forged assertions.
 */
public class JwtKeys implements QuarkusTestResourceLifecycleManager {

    public static final String PASSWORD = "key-store-password";
    public static Path keystore;
    public static Path otherKeystore;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory(Path.of("target"), "jwt-keys-").toAbsolutePath();
            keystore = keyPair(dir, "connected-app");
            otherKeystore = keyPair(dir, "someone-else");
            Path certificate = dir.resolve("connected-app.crt");
            keytool("-exportcert", "-rfc", "-alias", "connected-app", "-keystore", keystore.toString(),
                    "-storepass", PASSWORD, "-file", certificate.toString());
            return Map.of("cutover.target.keystore.path", keystore.toString(),
                    "cutover.target.keystore.password", PASSWORD,
                    "cutover.sandbox.jwt-certificate", certificate.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path keyPair(Path dir, String alias) throws IOException {
        Path file = dir.resolve(alias + ".p12");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + alias,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD);
        return file;
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
