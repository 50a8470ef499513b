package io.cutover.sandbox;

/**
 * Salesforce record ids: 3-character key prefix, 2-character pod, 1 reserved character, 9 base-62 digits, and the
 * 3-character suffix that makes the id unique when compared case-insensitively.
 */
public final class SalesforceIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    /** Pod "8d" and reserved "0" are arbitrary but fixed, so ids look like the ones of one real org. */
    private static final String POD_AND_RESERVED = "8d0";
    private static final int NUMBER_DIGITS = 9;

    private SalesforceIds() {
    }

    public static String newId(String keyPrefix, long recordNumber) {
        if (keyPrefix == null || keyPrefix.length() != 3) {
            throw new IllegalArgumentException("A key prefix has 3 characters: " + keyPrefix);
        }
        return to18(keyPrefix + POD_AND_RESERVED + base62(recordNumber));
    }

    /** Each suffix character encodes which of 5 characters of the 15-character id are upper-case letters. */
    public static String to18(String id15) {
        if (id15.length() != 15) {
            throw new IllegalArgumentException("Not a 15-character id: " + id15);
        }
        StringBuilder id = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            id.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return id.toString();
    }

    /** The 18-character form of a 15- or 18-character id, or null when the text cannot be a Salesforce id. */
    public static String normalize(String id) {
        if (id == null || !id.chars().allMatch(c -> BASE62.indexOf(c) >= 0)) {
            return null;
        }
        if (id.length() == 15) {
            return to18(id);
        }
        if (id.length() == 18 && to18(id.substring(0, 15)).equalsIgnoreCase(id)) {
            return to18(id.substring(0, 15));
        }
        return null;
    }

    private static String base62(long number) {
        char[] digits = new char[NUMBER_DIGITS];
        long rest = number;
        for (int i = NUMBER_DIGITS - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        if (rest != 0) {
            throw new IllegalStateException("Record number out of range: " + number);
        }
        return new String(digits);
    }
}
