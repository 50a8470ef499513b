package io.cutover.mapping.transform;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Map;

/**
 * A phone number in E.164 (+33142685300). A number written without its country code is read in the region of the
 * record's country column when there is one and it names a country, else in the mapping's default region.
 */
final class PhoneE164 implements Transform {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;
    private final String regionColumn;
    private final InvalidValuePolicy invalid;

    /**
     * @param defaultRegion ISO 3166 code, or null: then a number needs its country code or a country in the row
     * @param regionColumn the column holding the record's country, or null
     */
    PhoneE164(String defaultRegion, String regionColumn, InvalidValuePolicy invalid) {
        this.defaultRegion = defaultRegion;
        this.regionColumn = regionColumn;
        this.invalid = invalid;
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
        if (value == null) {
            return null;
        }
        String region = region(row);
        try {
            PhoneNumber number = PHONES.parse(value, region == null ? "ZZ" : region);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
            return invalid(value, "not a valid phone number" + (region == null ? "" : " in region " + region));
        } catch (NumberParseException e) {
            return invalid(value, "not a phone number" + (region == null ? " (no country code and no region)" : " in region "
                    + region) + ": " + e.getMessage());
        }
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
}
