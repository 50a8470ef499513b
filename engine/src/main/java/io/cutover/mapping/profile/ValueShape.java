package io.cutover.mapping.profile;

/**
 * The shape of a value, to see the formats a column holds at a glance: upper-case letters become {@code A}, lower-case
 * ones {@code a}, digits {@code 9}, anything else stays; a run of one symbol is written once, so that values of
 * different lengths but one format share a shape ({@code (415) 256-8563} → {@code (9) 9-9}, {@code amy@demo.net} →
 * {@code a@a.a}).
 */
public final class ValueShape {

    private ValueShape() {
    }

    public static String of(String value) {
        StringBuilder shape = new StringBuilder();
        value.codePoints().forEach(c -> {
            int symbol = Character.isUpperCase(c) || Character.isTitleCase(c) ? 'A'
                    : Character.isLetter(c) ? 'a' : Character.isDigit(c) ? '9' : c;
            if (shape.isEmpty() || shape.codePointBefore(shape.length()) != symbol) {
                shape.appendCodePoint(symbol);
            }
        });
        return shape.toString();
    }
}
