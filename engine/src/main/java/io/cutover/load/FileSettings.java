package io.cutover.load;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/**
 * Files uploaded as Salesforce {@code ContentVersion}s (docs/mapping.md, "Notes and files"): where the export's files
 * are, and the sizes that decide how each goes, or that it cannot.
 */
@ConfigMapping(prefix = "cutover.files")
public interface FileSettings {

    /** The folder a file's {@code PathOnClient} is relative to: the export's. */
    Path dir();

    /** Files up to this size go as JSON, base64 in {@code VersionData}, held in memory; larger ones are streamed. */
    long jsonMaxBytes();

    /** The largest JSON request body Salesforce takes (37.5 MB for the REST API's base64 fields). */
    long jsonMaxBodyBytes();

    /** The largest file Salesforce takes as a multipart upload (2 GB); a larger file is rejected, naming it. */
    long maxBytes();
}
