package io.cutover.mapping.profile;

import java.util.List;
import java.util.Map;

/**
 * What the mapping's transforms make of one column's values, as a run would: how many they accept, how many they
 * reject and why (the reason codes a run gives), how many they accept with a warning.
 *
 * @param rejected the rejected values by reason code
 * @param warned   the warnings by code; a value can warn more than once
 * @param examples the first rejected or warned values, with their code
 * @param unmapped every value a value map or lookup table has no entry for ({@code UNMAPPED_VALUE}), most frequent
 *                 first, with its count: what the map still needs
 * @param unmappedCapped past the profile's distinct-values limit, further unmapped values were counted but not listed
 */
public record MappedValues(long accepted, Map<String, Long> rejected, Map<String, Long> warned, List<Example> examples,
        List<ValueCount> unmapped, boolean unmappedCapped) {

    /** A value the mapping rejected or warned about, on its line (for a REST export, its record number). */
    public record Example(long line, String value, String code, String detail) {}
}
