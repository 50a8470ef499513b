package io.cutover.sync;

import io.cutover.mapping.MappingCatalog;
import io.cutover.run.RunKind;
import io.cutover.run.RunRequest;
import io.cutover.run.Runs;
import io.cutover.source.Exports;
import io.cutover.source.SourceCatalog;
import io.cutover.state.DeltaFileLog;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

/**
 * Delta exports of CRMs that have no API, dropped in {@code cutover.sync.delta-dir/<Object>/} (routes/sync.yaml): each
 * becomes a sync cycle of its object that reads the file with the object's source description, so its rows are
 * mapped, validated and recorded as the bulk load's are. A file whose content was applied before (under any name) is
 * refused; a refused or failed file moves to {@code failed/} beside a {@code .reason.txt} saying why.
 */
@Singleton
@Named("deltaFiles")
public class DeltaFiles {

    private static final Logger LOG = Logger.getLogger(DeltaFiles.class);
    private static final String CHECKSUM = "deltaFileChecksum";

    private final SourceCatalog sources;
    private final MappingCatalog mappings;
    private final DeltaFileLog log;
    private final Runs runs;

    DeltaFiles(SourceCatalog sources, MappingCatalog mappings, DeltaFileLog log, Runs runs) {
        this.sources = sources;
        this.mappings = mappings;
        this.log = log;
        this.runs = runs;
    }

    /** The file becomes the sync cycle of the object its folder names; refused when its content was applied before. */
    public void accept(Exchange exchange) {
        Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        String object = file.getParent().getFileName().toString();
        String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Path folder = Path.of(relative).getParent();
        exchange.setProperty("deltaDone", folder.resolve("done").resolve(file.getFileName()).toString());
        exchange.setProperty("deltaFailed", folder.resolve("failed").resolve(file.getFileName()).toString());
        if (sources.find(object).isEmpty() || mappings.find(object).isEmpty()) {
            throw new IllegalArgumentException(file + ": delta files go in a folder named after an object exported as "
                    + "one file and mapped (" + sources.objects() + "), not in '" + object + "'"
                    + (sources.describes(object) && !sources.readsRest(object) && sources.find(object).isEmpty()
                            ? ", whose export is several files (" + sources.exportNames(object) + ")" : ""));
        }
        String checksum = checksum(file);
        Optional<DeltaFileLog.Applied> applied = log.applied(checksum);
        if (applied.isPresent()) {
            throw new IllegalStateException(file.getFileName() + ": the same content was applied already, as "
                    + applied.get().fileName() + " by run " + applied.get().runId() + " at " + applied.get().at());
        }
        exchange.setProperty(CHECKSUM, checksum);
        exchange.setProperty("syncObjects", List.of(object));
        exchange.setProperty(Runs.REQUEST, RunRequest.of(RunKind.SYNC));
        exchange.setProperty(Exports.DELTA_FILE, file.toAbsolutePath());
    }

    public void done(Exchange exchange) {
        Path file = exchange.getProperty(Exports.DELTA_FILE, Path.class);
        String runId = exchange.getProperty("runId", String.class);
        log.record(file.getFileName().toString(), exchange.getProperty(CHECKSUM, String.class),
                file.getParent().getFileName().toString(), runId, "done", null);
        LOG.infof("Delta file %s applied by run %s", file, runId);
    }

    /**
     * Says why beside where the file goes ({@code failed/}) and ends the cycle's run as failed (the route configuration
     * delta-file-failed in routes/sync.yaml, which leaves the exchange failed: the file consumer moves it there).
     */
    public void failed(Exchange exchange) throws IOException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        String reason = failure.getMessage();
        Path reasonFile = file.resolveSibling("failed").resolve(file.getFileName() + ".reason.txt");
        Files.createDirectories(reasonFile.getParent());
        Files.writeString(reasonFile, reason + System.lineSeparator());
        String checksum = exchange.getProperty(CHECKSUM, String.class);
        if (checksum != null) {
            log.record(file.getFileName().toString(), checksum, file.getParent().getFileName().toString(),
                    exchange.getProperty("runId", String.class), "failed", reason);
        }
        if (exchange.getProperty("runId") != null) {
            runs.fail(exchange, failure);
        }
        LOG.warnf("Delta file %s not applied, moved to failed/: %s", file, reason);
    }

    private static String checksum(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the delta file " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
