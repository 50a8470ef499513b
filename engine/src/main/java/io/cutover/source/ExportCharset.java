package io.cutover.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The charset of an export whose description does not name one ({@code charset: auto}). Excel and old on-premise
 * systems write UTF-8 (often with a byte order mark), UTF-16 with a byte order mark ("Unicode text"), or their
 * Windows code page; the rule, in this order:
 * <ol>
 * <li>a byte order mark: EF BB BF is UTF-8, FE FF or FF FE is UTF-16 (big or little endian);</li>
 * <li>UTF-16 without a mark, by its zero bytes: text of Latin letters in UTF-16 has a zero byte in every other place
 * (the odd places little endian, the even ones big endian), which no 8-bit text has;</li>
 * <li>otherwise, if the first {@value #SAMPLE_BYTES} bytes are valid UTF-8, UTF-8: text in any other 8-bit charset
 * that has a letter beyond ASCII is almost never valid UTF-8;</li>
 * <li>otherwise windows-1252, the Western European code page Excel writes in France or Finland, a superset of the
 * printable ISO-8859-1 range.</li>
 * </ol>
 * Only the sample is read, so detection costs the same for a huge file; a later byte that is not valid in the
 * detected charset rejects its row (UNDECODABLE_BYTES), it is never silently replaced.
 */
public final class ExportCharset {

    static final int SAMPLE_BYTES = 1 << 20;
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ExportCharset() {
    }

    public static Charset detect(Path file) throws IOException {
        return detectWithReason(file).charset();
    }

    /** A detected charset and the rule that chose it, in words, for the profile. */
    public record Detection(Charset charset, String reason) {}

    public static Detection detectWithReason(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        }
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            return new Detection(StandardCharsets.UTF_8, "detected: UTF-8 byte order mark");
        }
        if (startsWith(sample, 0xFE, 0xFF) || startsWith(sample, 0xFF, 0xFE)) {
            // Java's UTF-16 decoder reads the mark itself and takes its byte order.
            return new Detection(StandardCharsets.UTF_16, "detected: UTF-16 byte order mark");
        }
        Charset utf16 = utf16ByItsZeroBytes(sample);
        if (utf16 != null) {
            return new Detection(utf16, "detected: no byte order mark, a zero byte in every other place ("
                    + (utf16.equals(StandardCharsets.UTF_16LE) ? "odd" : "even") + " places)");
        }
        String sampled = sample.length < SAMPLE_BYTES ? "the whole file" : "the first MiB";
        return isUtf8(sample, sample.length < SAMPLE_BYTES)
                ? new Detection(StandardCharsets.UTF_8, "detected: no byte order mark, " + sampled + " is valid UTF-8")
                : new Detection(WINDOWS_1252, "detected: no byte order mark, " + sampled
                        + " is not valid UTF-8; windows-1252, the fallback");
    }

    /** UTF-16LE or UTF-16BE when most of the sample's odd (or even) bytes are zero and hardly any of the others. */
    private static Charset utf16ByItsZeroBytes(byte[] sample) {
        int pairs = sample.length / 2;
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < sample.length; i += 2) {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }
        if (oddZeros * 2 > pairs && evenZeros * 10 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 2 > pairs && oddZeros * 10 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean isUtf8(byte[] sample, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(sample);
        CharBuffer chars = CharBuffer.allocate(4096);
        while (true) {
            // Not at end of input unless the sample is the whole file: a character cut by the sample's end is fine.
            var result = decoder.decode(bytes, chars, wholeFile);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
            chars.clear();
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
