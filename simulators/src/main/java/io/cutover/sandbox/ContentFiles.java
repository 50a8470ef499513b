package io.cutover.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The bytes of the org's content versions, one file per version under {@code ${cutover.data-dir}/sandbox/content}, as
 * an org keeps them apart from the records: the records hold only their checksum and size.
 */
@ApplicationScoped
public class ContentFiles {

    /** Bytes received, not yet a version's: their MD5 (hex, as Salesforce's {@code Checksum}) and size. */
    public record Received(Path file, String checksum, long size) {
    }

    @ConfigProperty(name = "cutover.data-dir", defaultValue = "./data")
    Path dataDir;

    /** Copies the stream to a file of its own, a buffer at a time, taking its MD5 on the way. */
    public Received receive(InputStream bytes) {
        try {
            Files.createDirectories(folder());
            Path file = Files.createTempFile(folder(), "received-", ".bin");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            long size;
            try (InputStream in = new DigestInputStream(bytes, md5); OutputStream out = Files.newOutputStream(file)) {
                size = in.transferTo(out);
            }
            return new Received(file, HexFormat.of().formatHex(md5.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the content received", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The received bytes become the version's. */
    public void keep(Received received, String versionId) {
        try {
            Files.move(received.file(), file(versionId), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the content of " + versionId, e);
        }
    }

    /** Bytes received for a version that was not saved. */
    public void discard(Received received) {
        try {
            Files.deleteIfExists(received.file());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + received.file(), e);
        }
    }

    /** The bytes a version holds. */
    public Path file(String versionId) {
        return folder().resolve(versionId);
    }

    private Path folder() {
        return dataDir.toAbsolutePath().resolve("sandbox").resolve("content");
    }
}
