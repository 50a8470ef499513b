package io.cutover.mapping.transform;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names and codes as legacy exports write them ("United States", "France", "Roumanie", "Suomi", "FI", "FRA")
 * → the ISO 3166 region code libphonenumber expects. Names in English, French, Romanian and Finnish, built once.
 */
final class CountryRegions {

    private static final Locale[] NAME_LANGUAGES = { Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("ro"),
            Locale.forLanguageTag("fi") };
    private static final Map<String, String> REGION_BY_NAME = build();

    private CountryRegions() {}

    /** The region code, or null when the text names no known country. */
    static String region(String country) {
        if (country == null) {
            return null;
        }
        return REGION_BY_NAME.get(key(country));
    }

    private static Map<String, String> build() {
        Map<String, String> regions = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            regions.put(key(code), code);
            regions.put(key(country.getISO3Country()), code);
            for (Locale language : NAME_LANGUAGES) {
                regions.put(key(country.getDisplayCountry(language)), code);
            }
        }
        // common spellings that are no locale's display name
        regions.put(key("USA"), "US");
        regions.put(key("United States of America"), "US");
        regions.put(key("UK"), "GB");
        regions.put(key("Great Britain"), "GB");
        regions.put(key("England"), "GB");
        return Map.copyOf(regions);
    }

    private static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
