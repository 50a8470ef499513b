package io.cutover.mapping.profile;

/**
 * What bounds a profile's memory whatever the size of the export, and the region phones without a country code are
 * read in.
 *
 * @param distinctValues per column: values counted exactly up to this many distinct ones
 * @param legacyIds      legacy ids remembered to find duplicates; past it, the rest of the export is not checked
 * @param topValues      the most frequent values (and shapes) listed per column
 * @param examples       problem values (invalid, duplicate, too long) listed per column
 */
public record ProfileLimits(int distinctValues, int legacyIds, int topValues, int examples, String phoneRegion) {

    public static final ProfileLimits DEFAULTS = new ProfileLimits(10_000, 1_000_000, 5, 5, "US");
}
