package io.cutover.source;

/**
 * A REST export cannot be read on: a page could not be fetched after the retries, or its answer is not what the
 * description says. The message is the whole report: the URL, the attempts, the last answer, the description file.
 */
public class RestExportException extends RuntimeException {
    public RestExportException(String message) {
        super(message);
    }
}
