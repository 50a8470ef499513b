package io.cutover.load;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.commons.text.StringEscapeUtils;

/**
 * A note's text as the content of a Salesforce note ({@code .snote}): HTML, one paragraph a line, its text escaped
 * (Salesforce refuses a note with unescaped {@code <} or {@code &}). The bytes uploaded, and so those whose MD5 the
 * target's {@code Checksum} must be.
 */
public final class NoteContent {

    /** The extension of PathOnClient that makes a ContentVersion a note. */
    public static final String EXTENSION = ".snote";

    private NoteContent() {
    }

    public static byte[] html(String text) {
        return text.lines().map(line -> "<p>" + StringEscapeUtils.escapeXml11(line) + "</p>")
                .collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
    }
}
