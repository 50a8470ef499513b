package io.cutover.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.codec.language.Soundex;

/**
 * The records being matched, held compactly: per record, only the normalised values the rules and keys read, as one
 * UTF-8 byte array (a million contacts take some 150 MB, not the gigabytes of their maps), and per blocking pass a
 * 64-bit hash of its key.
 */
final class PreparedRecords {

    /** A field as one normalisation leaves it; slot 0 of a record is its id. */
    record Slot(String field, Normalisation normalisation, String region) {
    }

    private static final char SEPARATOR = '\u001f';
    static final long NO_KEY = 0;

    private final List<Slot> slots = new ArrayList<>();
    private final List<BlockingPass> passes;
    private final int[][] keySlots;
    private final List<byte[]> records = new ArrayList<>();
    private final long[][] keys;
    private int size;

    PreparedRecords(MatchRules rules) {
        slots.add(null);
        for (MatchRule rule : rules.rules()) {
            slot(rule.field(), rule.normalisation(), rule.region());
            if (rule.swappedWith() != null) {
                slot(rule.swappedWith(), rule.normalisation(), rule.region());
            }
        }
        passes = rules.blocking();
        keySlots = new int[passes.size()][];
        for (int pass = 0; pass < passes.size(); pass++) {
            keySlots[pass] = passes.get(pass).parts().stream().mapToInt(part -> keySlot(rules, part.field())).toArray();
        }
        keys = new long[passes.size()][1024];
    }

    /** The slot of a rule's field and normalisation, added when new. */
    int slot(String field, Normalisation normalisation, String region) {
        Slot slot = new Slot(field, normalisation, region);
        int index = slots.indexOf(slot);
        if (index < 0) {
            slots.add(slot);
            index = slots.size() - 1;
        }
        return index;
    }

    /** A key part reads its field as the first rule on that field normalises it, or as text when no rule reads it. */
    private int keySlot(MatchRules rules, String field) {
        return rules.rules().stream().filter(rule -> rule.field().equals(field)).findFirst()
                .map(rule -> slot(field, rule.normalisation(), rule.region()))
                .orElseGet(() -> slot(field, Normalisation.TEXT, null));
    }

    void add(String id, Map<String, String> fields) {
        String[] values = new String[slots.size()];
        values[0] = Objects.requireNonNull(id, "record id");
        for (int i = 1; i < values.length; i++) {
            Slot slot = slots.get(i);
            values[i] = slot.normalisation().apply(fields.get(slot.field()), slot.region());
        }
        if (size == keys[0].length) {
            for (int pass = 0; pass < keys.length; pass++) {
                keys[pass] = Arrays.copyOf(keys[pass], size * 2);
            }
        }
        for (int pass = 0; pass < keys.length; pass++) {
            keys[pass][size] = key(pass, values);
        }
        records.add(encode(values));
        size++;
    }

    int size() {
        return size;
    }

    int passes() {
        return keys.length;
    }

    long key(int pass, int record) {
        return keys[pass][record];
    }

    /** Takes the record out of a pass whose block it was in was too large to compare. */
    void dropKey(int pass, int record) {
        keys[pass][record] = NO_KEY;
    }

    String[] values(int record) {
        String joined = new String(records.get(record), StandardCharsets.UTF_8);
        String[] values = new String[slots.size()];
        int start = 0;
        for (int i = 0; i < values.length; i++) {
            int end = joined.indexOf(SEPARATOR, start);
            String value = joined.substring(start, end < 0 ? joined.length() : end);
            values[i] = value.isEmpty() ? null : value;
            start = end + 1;
        }
        return values;
    }

    String id(int record) {
        return values(record)[0];
    }

    private static byte[] encode(String[] values) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                joined.append(SEPARATOR);
            }
            if (values[i] != null) {
                joined.append(values[i].replace(SEPARATOR, ' '));
            }
        }
        return joined.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long key(int pass, String[] values) {
        BlockingPass blocking = passes.get(pass);
        String[] parts = new String[keySlots[pass].length];
        for (int i = 0; i < parts.length; i++) {
            String value = values[keySlots[pass][i]];
            String part = value == null ? null : switch (blocking.parts().get(i).function()) {
                case VALUE -> value;
                case SOUNDEX -> soundex(value);
            };
            if (part == null || part.isEmpty()) {
                return NO_KEY;
            }
            parts[i] = part;
        }
        if (blocking.anyOrder()) {
            Arrays.sort(parts);
        }
        long hash = fnv1a(String.join(String.valueOf(SEPARATOR), parts));
        return hash == NO_KEY ? 1 : hash;
    }

    private static String soundex(String value) {
        try {
            String code = Soundex.US_ENGLISH.soundex(value);
            return code.isEmpty() ? value : code;
        } catch (IllegalArgumentException notLatinLetters) {
            return value;
        }
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
