package io.cutover.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Values that decode without an error but wrongly: a file detected as windows-1252 (its sample was not valid UTF-8)
 * can still hold rows written in UTF-8, which windows-1252 turns into mojibake ({@code Zoë} → {@code ZoÃ«}); and a
 * file's text can itself be mojibake from an earlier mis-conversion, or of a multi-byte charset (Big5) read one byte
 * a character. Checked value by value as rows are read, so the
 * reader never loads such a value without a warning.
 */
final class MisDecoding {

    /**
     * The marks UTF-8 leaves when read as windows-1252: a lead byte C2/C3 (Â, Ã) followed by a continuation byte
     * (U+0080–U+00BF or the windows-1252 letters in 80–9F), or E2 80 (â€) that starts quotes and dashes.
     */
    private static final Pattern MOJIBAKE = Pattern.compile("[ÂÃ][\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178"
            + "\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039"
            + "\\u203A\\u20AC\\u2122]|â€");

    /** A value as read and what the reader must say about it; {@code warning} is null when it reads as it should. */
    record Checked(String value, String warning) {}

    private MisDecoding() {
    }

    /**
     * @param detected true when the charset was detected, false when the source description names it: only a detected
     *                 charset is overridden for a value, a named one is trusted and its suspect values only flagged
     */
    static Checked check(String column, String value, Charset charset, boolean detected) {
        if (value.isEmpty()) {
            return new Checked(value, null);
        }
        if (!MOJIBAKE.matcher(value).find()) {
            return singleByte(charset) && looksLikeAnotherCharset(value)
                    ? new Checked(value, "column '" + column + "' looks like text of another charset (e.g. Big5, "
                            + "Shift_JIS) read as " + charset.name() + ": '" + value + "'; set charset: in the source description")
                    : new Checked(value, null);
        }
        if (charset.equals(ExportCharset.WINDOWS_1252)) {
            String utf8 = asUtf8(value);
            if (utf8 != null && detected) {
                return new Checked(utf8, "column '" + column + "' holds UTF-8 in a file detected as windows-1252: "
                        + "decoded as UTF-8 ('" + value + "' as windows-1252)");
            }
            if (utf8 != null) {
                return new Checked(value, "column '" + column + "' looks like UTF-8 read as " + charset.name()
                        + " (charset: in the source description): '" + value + "' would read '" + utf8 + "' as UTF-8");
            }
        }
        return new Checked(value, "column '" + column + "' holds text that looks mis-decoded (mojibake such as 'Ã©' or "
                + "'â€™'): '" + value + "'");
    }

    private static boolean singleByte(Charset charset) {
        return charset.equals(ExportCharset.WINDOWS_1252) || charset.equals(StandardCharsets.ISO_8859_1);
    }

    /**
     * Text of a multi-byte charset read one byte a character is runs of Latin-1 symbols and letters side by side
     * ({@code 中文} in Big5 reads {@code ¤¤¤å}); Western text puts a symbol next to another non-ASCII character
     * hardly ever. Two such neighbours in a value flag it. A short value whose trail bytes are ASCII ({@code 台北} reads
     * {@code ¥x¥_}) has none and is not flagged.
     */
    private static boolean looksLikeAnotherCharset(String value) {
        int suspectPairs = 0;
        for (int i = 0; i + 1 < value.length(); i++) {
            char a = value.charAt(i);
            char b = value.charAt(i + 1);
            if (a > 0x7F && b > 0x7F && (!Character.isLetter(a) || !Character.isLetter(b))) {
                suspectPairs++;
            }
        }
        return suspectPairs >= 2;
    }

    /** The value's windows-1252 bytes decoded as UTF-8, or null when they are not valid UTF-8. */
    private static String asUtf8(String value) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(ExportCharset.WINDOWS_1252))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
