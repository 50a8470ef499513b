package io.cutover.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.load.FileSettings;
import io.cutover.load.NoteContent;
import io.cutover.mapping.ObjectMapping;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The content check of uploaded files and notes: the MD5 of what was uploaded (the file under
 * {@code cutover.files.dir}, a note's HTML) against the target's {@code Checksum} of the version, which Salesforce
 * computes from the bytes it received. Read with the other fields of the reconciliation's pages, not a query a file.
 */
@Singleton
class ContentChecksums {

    static final String CHECKSUM_DIFFERS = "CHECKSUM_DIFFERS";
    static final String FILE_NOT_FOUND = "FILE_NOT_FOUND";
    static final String NOTE_NOT_CHECKED = "NOTE_NOT_CHECKED";

    private final FileSettings files;

    ContentChecksums(FileSettings files) {
        this.files = files;
    }

    /** Whether the object's records carry uploaded content, whose checksums are compared. */
    boolean covers(ObjectMapping mapping) {
        return "ContentVersion".equals(mapping.object());
    }

    /**
     * A difference when the target's checksum is not the MD5 of the content uploaded (or the file is gone), none when
     * they agree.
     *
     * @param sent the values sent (null when the ledger no longer has them: the target's PathOnClient names the file)
     */
    Optional<Reconciliation.Difference> compare(String legacyId, JsonNode record, Map<String, Object> sent) {
        String targetId = record.path("Id").asText();
        String found = record.path("Checksum").asText("");
        Object note = sent == null ? null : sent.get("VersionData");
        String expected;
        if (note != null && !note.toString().isEmpty()) {
            expected = DigestUtils.md5Hex(NoteContent.html(note.toString()));
        } else if (sent == null && record.path("PathOnClient").asText().endsWith(NoteContent.EXTENSION)) {
            // a note's text is kept in the ledger only with the values sent (cutover.reconcile.fields)
            return Optional.of(new Reconciliation.Difference(legacyId, targetId, NOTE_NOT_CHECKED, "Checksum",
                    "the note's text is not kept (cutover.reconcile.fields=false)", found));
        } else {
            Object pathOnClient = sent != null && sent.get("PathOnClient") != null ? sent.get("PathOnClient")
                    : record.path("PathOnClient").asText();
            Path file = files.dir().resolve(pathOnClient.toString()).normalize();
            if (!Files.isRegularFile(file)) {
                return Optional.of(new Reconciliation.Difference(legacyId, targetId, FILE_NOT_FOUND, "Checksum",
                        file.toString(), found));
            }
            try (InputStream in = Files.newInputStream(file)) {
                expected = DigestUtils.md5Hex(in);
            } catch (IOException e) {
                return Optional.of(new Reconciliation.Difference(legacyId, targetId, FILE_NOT_FOUND, "Checksum",
                        file + ": " + e.getMessage(), found));
            }
        }
        return expected.equalsIgnoreCase(found) ? Optional.empty()
                : Optional.of(new Reconciliation.Difference(legacyId, targetId, CHECKSUM_DIFFERS, "Checksum", expected,
                        found));
    }
}
