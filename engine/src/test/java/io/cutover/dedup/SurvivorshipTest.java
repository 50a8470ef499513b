package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.SourceRecord;
import io.cutover.state.MergedDuplicates;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which record of a cluster survives, and which values it loads, by the merge rule's survivor and field rules. */
class SurvivorshipTest {

    /** Read in this order: fi (the most complete, changed long ago), fr (changed last), ro (changed in between). */
    private static List<PipelineRecord> cluster() {
        return List.of(
                record(1, "fi", "2021-03-01", Map.of("Name", "Nordic Timber Oy", "Phone", "+358912345678",
                        "Industry", "Forestry", "Description", "Sawmill and export", "AccountId", "001FI")),
                record(2, "fr", "2024-06-30T10:15:00Z", Map.of("Name", "NORDIC TIMBER OY", "Phone", "+358912345600")),
                record(3, "ro", "2023-01-15 08:00:00", Map.of("Name", "Nordic Timber", "Industry", "Wood")));
    }

    private static PipelineRecord record(long number, String source, String updatedAt, Map<String, Object> fields) {
        Map<String, String> read = new LinkedHashMap<>();
        read.put("updated_at", updatedAt);
        read.put(SourceRecord.SOURCE_NAME_COLUMN, source);
        return new PipelineRecord("run", "Account", source + ":" + number, number, "accounts-" + source + ".csv line 2",
                new LinkedHashMap<>(fields), "hash-" + number).withSourceValues(read);
    }

    private static MergedDuplicates.Merge merge(MergeRule rule) {
        return Survivorship.merge(cluster(), rule, Set.of("AccountId"), "duplicates");
    }

    @Test
    void mostCompleteByDefaultTakingWhatItLeavesEmpty() {
        MergedDuplicates.Merge merge = merge(new MergeRule(11, MergeRule.Survivor.MOST_COMPLETE));

        assertThat(merge.survivor().getLegacyId()).isEqualTo("fi:1");
        assertThat(merge.merged()).extracting(PipelineRecord::getLegacyId).containsExactly("fr:2", "ro:3");
        assertThat(merge.survivor().getFields()).containsEntry("Phone", "+358912345678").containsEntry("Industry", "Forestry");
        assertThat(merge.why()).isEqualTo("duplicates");
        assertThat(merge.survivor().getContentHash()).as("nothing taken: its own content").isEqualTo("hash-1");
    }

    @Test
    void mostRecentByTheChangeColumnTheOthersFillingWhatItLacks() {
        MergedDuplicates.Merge merge = merge(new MergeRule(11, MergeRule.Survivor.MOST_RECENT, List.of("updated_at"),
                List.of(), Map.of()));

        assertThat(merge.survivor().getLegacyId()).isEqualTo("fr:2");
        assertThat(merge.merged()).extracting(PipelineRecord::getLegacyId).as("then by recency").containsExactly("ro:3", "fi:1");
        assertThat(merge.survivor().getFields()).containsEntry("Name", "NORDIC TIMBER OY")
                .containsEntry("Phone", "+358912345600")
                .containsEntry("Industry", "Wood")
                .containsEntry("Description", "Sawmill and export")
                .doesNotContainKey("AccountId");
        assertThat(merge.why()).isEqualTo("duplicates; the survivor took [Description, Industry] from the records merged into it");
        assertThat(merge.survivor().getContentHash()).isNotEqualTo("hash-2");
    }

    @Test
    void sourcePriorityTheSourcesNotListedLast() {
        MergedDuplicates.Merge merge = merge(new MergeRule(11, MergeRule.Survivor.SOURCE_PRIORITY, List.of(),
                List.of("ro", "fr"), Map.of()));

        assertThat(merge.survivor().getLegacyId()).isEqualTo("ro:3");
        assertThat(merge.merged()).extracting(PipelineRecord::getLegacyId).containsExactly("fr:2", "fi:1");
        assertThat(merge.survivor().getFields()).containsEntry("Name", "Nordic Timber").containsEntry("Industry", "Wood")
                .containsEntry("Phone", "+358912345600");
    }

    @Test
    void fieldRulesTakeTheNewestOrATrustedSourcesValueOverTheSurvivors() {
        MergeRule rule = new MergeRule(11, MergeRule.Survivor.MOST_COMPLETE, List.of("updated_at"), List.of(), Map.of(
                "Phone", new MergeRule.FieldMerge(MergeRule.FieldMerge.Rule.PREFER_NEWEST, List.of()),
                "Name", new MergeRule.FieldMerge(MergeRule.FieldMerge.Rule.PREFER_SOURCE, List.of("ro")),
                "Industry", new MergeRule.FieldMerge(MergeRule.FieldMerge.Rule.PREFER_SOURCE, List.of("fr")),
                "Description", new MergeRule.FieldMerge(MergeRule.FieldMerge.Rule.FILL_EMPTY, List.of())));

        MergedDuplicates.Merge merge = merge(rule);

        assertThat(merge.survivor().getLegacyId()).isEqualTo("fi:1");
        assertThat(merge.survivor().getFields())
                .containsEntry("Phone", "+358912345600")
                .containsEntry("Name", "Nordic Timber")
                .as("fr has no industry: the survivor's own").containsEntry("Industry", "Forestry")
                .containsEntry("Description", "Sawmill and export")
                .containsEntry("AccountId", "001FI");
        assertThat(merge.why()).endsWith("the survivor took [Name, Phone] from the records merged into it");
    }

    @Test
    void changeTimesAsExportsWriteThem() {
        PipelineRecord record = cluster().get(0);
        assertThat(Survivorship.changedAt(record, List.of("updated_at"))).isEqualTo(Instant.parse("2021-03-01T00:00:00Z"));
        assertThat(Survivorship.changedAt(cluster().get(2), List.of("modified", "updated_at")))
                .isEqualTo(Instant.parse("2023-01-15T08:00:00Z"));
        assertThat(Survivorship.changedAt(record.withChangedAt("1719742500000"), List.of()))
                .isEqualTo(Instant.parse("2024-06-30T10:15:00Z"));
        assertThat(Survivorship.changedAt(record.withChangedAt("last tuesday"), List.of())).isNull();
    }
}
