package io.cutover.mapping.transform;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Unicode normalisation form C: "é" typed as e + combining accent becomes the single character é, so equal names
 * compare equal and lengths count characters as Salesforce does.
 */
final class NormalizeNfc implements Transform {

    @Override
    public String apply(String value, Map<String, String> row) {
        if (value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            return value;
        }
        return Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /** Applied again, this step leaves its own result unchanged: the target's value goes back as it is. */
    @Override
    public Optional<UnaryOperator<String>> reverse() {
        return Optional.of(UnaryOperator.identity());
    }
}
