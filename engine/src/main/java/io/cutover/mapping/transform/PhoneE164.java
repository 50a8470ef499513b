package io.cutover.mapping.transform;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 (+33142685300). A number written without its country code is read in the region of the
 * record's country column when there is one and it names a country, else in the mapping's default region; a number not
 * valid there is tried in the region's territories before it is rejected: the regions that share its country calling
 * code (libphonenumber knows them: Guernsey, Jersey and the Isle of Man for GB, the NANP for US), and the French
 * overseas departments and collectivities that are dialled as national numbers from France (0262 Réunion, 0590
 * Guadeloupe…) though they have codes of their own.
 *
 * <p>With {@code multiple: first}, a cell holding several numbers ({@code +40341 46 33 44, +40747 474747}) gives its
 * first valid number, and a warning names the others; without it such a cell is not a phone number.
 */
final class PhoneE164 implements Transform {

    /** How a cell holding several numbers is read. */
    enum Multiple { REJECT, FIRST }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Numbering plans reached with the mainland's national format but a calling code of their own. */
    private static final Map<String, List<String>> DIALLED_NATIONALLY = Map.of(
            "FR", List.of("RE", "YT", "GP", "BL", "MF", "MQ", "GF", "PM"));
    private static final Pattern SEPARATORS = Pattern.compile("\\s*[,;/\\n]\\s*");

    private final String defaultRegion;
    private final String regionColumn;
    private final InvalidValuePolicy invalid;
    private final Multiple multiple;

    /**
     * @param defaultRegion ISO 3166 code, or null: then a number needs its country code or a country in the row
     * @param regionColumn the column holding the record's country, or null
     */
    PhoneE164(String defaultRegion, String regionColumn, InvalidValuePolicy invalid, Multiple multiple) {
        this.defaultRegion = defaultRegion;
        this.regionColumn = regionColumn;
        this.invalid = invalid;
        this.multiple = multiple;
    }

    static boolean isKnownRegion(String region) {
        return PHONES.getSupportedRegions().contains(region);
    }

    @Override
    public List<String> columnsRead() {
        return regionColumn == null ? List.of() : List.of(regionColumn);
    }

    @Override
    public String apply(String value, Map<String, String> row) throws Rejection {
        return apply(value, row, warning -> { });
    }

    @Override
    public String apply(String value, Map<String, String> row, Consumer<TransformWarning> warnings) throws Rejection {
        if (value == null) {
            return null;
        }
        String region = region(row);
        List<String> parts = multiple == Multiple.FIRST ? List.of(SEPARATORS.split(value.strip())) : List.of(value);
        String kept = null;
        List<String> leftOut = new ArrayList<>();
        for (String part : parts) {
            Optional<String> number = e164(part, region);
            if (kept == null && number.isPresent()) {
                kept = number.get();
            } else {
                leftOut.add(number.orElse(part));
            }
        }
        if (kept == null) {
            return invalid(value, problem(value, region));
        }
        if (!leftOut.isEmpty()) {
            warnings.accept(new TransformWarning("MORE_PHONE_NUMBERS", "kept the first of " + parts.size()
                    + " numbers; left out: " + String.join(", ", leftOut)));
        }
        return kept;
    }

    /** The number in E.164, read in the region or one of its territories; empty when it is valid in none of them. */
    private static Optional<String> e164(String value, String region) {
        for (String candidate : candidates(region)) {
            try {
                PhoneNumber number = PHONES.parse(value, candidate);
                if (PHONES.isValidNumber(number)) {
                    return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
                }
            } catch (NumberParseException notInThisRegion) {
                // the next candidate
            }
        }
        return Optional.empty();
    }

    /** The region itself first, then its territories. */
    private static List<String> candidates(String region) {
        if (region == null) {
            return List.of("ZZ");
        }
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(region);
        candidates.addAll(territories(region));
        return List.copyOf(candidates);
    }

    private static List<String> territories(String region) {
        Set<String> territories = new LinkedHashSet<>(PHONES.getRegionCodesForCountryCode(PHONES.getCountryCodeForRegion(region)));
        territories.addAll(DIALLED_NATIONALLY.getOrDefault(region, List.of()));
        territories.remove(region);
        return List.copyOf(territories);
    }

    private static String problem(String value, String region) {
        try {
            PHONES.parse(value, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            return "not a phone number" + (region == null ? " (no country code and no region)" : " in region " + region)
                    + ": " + e.getMessage();
        }
        if (region == null) {
            return "not a valid phone number";
        }
        List<String> territories = territories(region);
        return "not a valid phone number in region " + region
                + (territories.isEmpty() ? "" : ", nor in its territories (" + String.join(", ", territories) + ")");
    }

    private String region(Map<String, String> row) {
        if (regionColumn != null) {
            String fromRow = CountryRegions.region(row.get(regionColumn));
            if (fromRow != null) {
                return fromRow;
            }
        }
        return defaultRegion;
    }

    private String invalid(String value, String problem) throws Rejection {
        if (invalid == InvalidValuePolicy.KEEP) {
            return value;
        }
        throw new Rejection("INVALID_PHONE", problem);
    }

    /** Applied again, this step leaves its own result unchanged: the target's value goes back as it is. */
    @Override
    public Optional<UnaryOperator<String>> reverse() {
        return Optional.of(UnaryOperator.identity());
    }
}
