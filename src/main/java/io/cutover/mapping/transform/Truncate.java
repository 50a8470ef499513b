package io.cutover.mapping.transform;

import io.cutover.schema.FieldDescribe;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Cuts a value to a maximum length (the target field's length unless one is given) instead of letting pre-flight
 * reject it with STRING_TOO_LONG. Every cut is logged as a warning.
 */
final class Truncate implements Transform {

    private static final Logger LOG = Logger.getLogger(Truncate.class);

    private final int maxLength;

    /** @param maxLength 0: the target field's length, bound at start-up */
    Truncate(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public String apply(String value, Map<String, String> row) {
        if (value == null || maxLength <= 0 || value.codePointCount(0, value.length()) <= maxLength) {
            return value;
        }
        String cut = value.substring(0, value.offsetByCodePoints(0, maxLength));
        LOG.warnf("value '%s' truncated to %d characters: '%s'", value, maxLength, cut);
        return cut;
    }

    @Override
    public String problemWith(FieldDescribe target) {
        return maxLength == 0 && target.length() <= 0 ? "truncate needs a length: " + target.name() + " has none" : null;
    }

    @Override
    public Transform boundTo(FieldDescribe target) {
        return maxLength == 0 ? new Truncate(target.length()) : this;
    }
}
