package io.cutover.mapping.transform;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * An e-mail address, trimmed and lower-cased (mail systems treat addresses case-insensitively in practice, and the
 * target's duplicate rules compare them as text), then validated.
 */
final class NormalizeEmail implements Transform {

    private static final EmailValidator VALIDATOR = EmailValidator.getInstance();

    private final InvalidValuePolicy invalid;

    NormalizeEmail(InvalidValuePolicy invalid) {
        this.invalid = invalid;
    }

    static boolean isValid(String address) {
        return VALIDATOR.isValid(address);
    }

    @Override
    public String apply(String value, Map<String, String> row) throws Rejection {
        if (value == null) {
            return null;
        }
        String address = value.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) {
            return null;
        }
        if (isValid(address)) {
            return address;
        }
        if (invalid == InvalidValuePolicy.KEEP) {
            return value;
        }
        throw new Rejection("INVALID_EMAIL", "not a valid e-mail address");
    }

    /** Applied again, this step leaves its own result unchanged: the target's value goes back as it is. */
    @Override
    public Optional<UnaryOperator<String>> reverse() {
        return Optional.of(UnaryOperator.identity());
    }
}
