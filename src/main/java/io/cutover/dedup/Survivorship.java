package io.cutover.dedup;

import io.cutover.mapping.RecordMapper;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.MergedDuplicates;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which record of a cluster of duplicates survives, and what it takes from the others: each field the survivor leaves
 * empty gets the value of the first other record that has one, in the same order the survivor was chosen by. The
 * choice depends on the records alone (ties go to the record read first), so every run of the same export merges
 * the same way.
 */
final class Survivorship {

    private Survivorship() {
    }

    /**
     * @param references the fields that hold a parent's target id: never filled from another record, whose parent the
     *     enricher resolved for that record
     */
    static MergedDuplicates.Merge merge(List<PipelineRecord> cluster, MergeRule rule, Set<String> references, String why) {
        Comparator<PipelineRecord> firstRead = Comparator.comparingLong(PipelineRecord::getRecordNumber);
        Comparator<PipelineRecord> order = rule.survivor() == MergeRule.Survivor.MOST_COMPLETE
                ? Comparator.comparingLong(Survivorship::filledFields).reversed().thenComparing(firstRead)
                : firstRead;
        List<PipelineRecord> ranked = cluster.stream().sorted(order).toList();
        PipelineRecord survivor = ranked.get(0);
        List<PipelineRecord> merged = ranked.subList(1, ranked.size());
        Map<String, Object> filled = new TreeMap<>();
        for (PipelineRecord other : merged) {
            other.getFields().forEach((field, value) -> {
                if (!references.contains(field) && !empty(value) && empty(survivor.getFields().get(field))
                        && !filled.containsKey(field)) {
                    filled.put(field, value);
                }
            });
        }
        if (!filled.isEmpty()) {
            Map<String, Object> content = new TreeMap<>(filled);
            // the survivor's own content, then what the others filled in: the same cluster gives the same hash next run
            content.put("\u0000survivor", survivor.getContentHash());
            survivor.fill(filled, RecordMapper.contentHash(content));
        }
        return new MergedDuplicates.Merge(survivor, List.copyOf(merged), why + (filled.isEmpty() ? ""
                : "; the survivor took " + filled.keySet() + " from the records merged into it"));
    }

    private static long filledFields(PipelineRecord record) {
        return record.getFields().values().stream().filter(value -> !empty(value)).count();
    }

    private static boolean empty(Object value) {
        return value == null || value.toString().isBlank();
    }
}
