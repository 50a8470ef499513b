package io.cutover.dedup;

import java.util.List;

/**
 * One blocking pass: records are compared only with the records that share their key in at least one pass, so that
 * the work grows with the number of records, not with its square. A record missing any part of a pass's key takes no
 * part in that pass.
 *
 * @param anyOrder the parts' values are sorted before they are joined, so that "Noah Watson" and "Watson Noah" meet
 */
public record BlockingPass(List<KeyPart> parts, boolean anyOrder) {

    /** How a key part is drawn from a field's normalised value. */
    public enum Function {
        /** The value itself. */
        VALUE,
        /** Its Soundex code (R163 for Robert and Rupert): spelling variants of a name meet. */
        SOUNDEX
    }

    /** A field and what of it goes into the key; written {@code Field} or {@code soundex(Field)}. */
    public record KeyPart(String field, Function function) {

        @Override
        public String toString() {
            return function == Function.VALUE ? field : function.name().toLowerCase() + "(" + field + ")";
        }
    }

    @Override
    public String toString() {
        return parts + (anyOrder ? " in any order" : "");
    }
}
