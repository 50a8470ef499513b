package io.cutover.state;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which of two change markers is the later one. APIs write them as ISO-8601 timestamps (whose text does not sort:
 * {@code 10:00:00Z} comes after {@code 10:00:00.5Z} as text), as numbers (a version, a sequence) or as other text. Two
 * markers of the same kind compare as that kind; otherwise, as text.
 */
public final class WatermarkOrder implements Comparator<String> {

    public static final WatermarkOrder INSTANCE = new WatermarkOrder();

    /** The kinds a marker may be, tried in this order. */
    private static final List<Function<String, Comparable<?>>> KINDS = List.of(
            text -> OffsetDateTime.parse(text).toInstant(),
            LocalDateTime::parse,
            LocalDate::parse,
            BigDecimal::new);

    private WatermarkOrder() {
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compare(String left, String right) {
        Optional<Comparable<?>> leftValue = parse(left);
        Optional<Comparable<?>> rightValue = parse(right);
        if (leftValue.isPresent() && rightValue.isPresent()
                && leftValue.get().getClass().equals(rightValue.get().getClass())) {
            return ((Comparable) leftValue.get()).compareTo(rightValue.get());
        }
        return left.compareTo(right);
    }

    /** The later of two markers; either may be null (none yet). */
    public String later(String current, String candidate) {
        if (current == null) {
            return candidate;
        }
        return candidate == null || compare(candidate, current) <= 0 ? current : candidate;
    }

    private static Optional<Comparable<?>> parse(String text) {
        for (Function<String, Comparable<?>> kind : KINDS) {
            try {
                return Optional.of(kind.apply(text.strip()));
            } catch (DateTimeParseException | NumberFormatException notThisKind) {
                // the next kind, or text
            }
        }
        return Optional.empty();
    }
}
