package io.cutover.dedup;

import io.cutover.mapping.RecordMapper;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.SourceRecord;
import io.cutover.state.MergedDuplicates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which record of a cluster of duplicates survives, and which values it loads. The survivor is chosen by the merge
 * rule's {@code survivor}; each field keeps the survivor's value or, when it has none, takes the first other record's
 * that has one (in the order the survivor was chosen by), unless the rule's {@code fields} say otherwise: the newest
 * value, or a trusted source's. The choice depends on the records alone (ties go to the most complete, then to the
 * record read first), so every run of the same export merges the same way.
 */
final class Survivorship {

    private Survivorship() {
    }

    /**
     * @param references the fields that hold a parent's target id: never taken from another record, whose parent the
     *     enricher resolved for that record
     */
    static MergedDuplicates.Merge merge(List<PipelineRecord> cluster, MergeRule rule, Set<String> references, String why) {
        List<PipelineRecord> ranked = cluster.stream().sorted(order(rule)).toList();
        PipelineRecord survivor = ranked.get(0);
        List<PipelineRecord> merged = ranked.subList(1, ranked.size());
        Set<String> fields = new LinkedHashSet<>();
        ranked.forEach(record -> fields.addAll(record.getFields().keySet()));
        Map<String, Object> taken = new TreeMap<>();
        for (String field : fields) {
            if (references.contains(field)) {
                continue;
            }
            MergeRule.FieldMerge fieldRule = rule.fields().get(field);
            Optional<PipelineRecord> from = fieldRule == null ? Optional.empty() : switch (fieldRule.rule()) {
                case FILL_EMPTY -> Optional.empty();
                case PREFER_NEWEST -> ranked.stream().filter(record -> !empty(record.getFields().get(field)))
                        .sorted(newestFirst(rule)).findFirst();
                case PREFER_SOURCE -> ranked.stream().filter(record -> !empty(record.getFields().get(field)))
                        .filter(record -> rank(record, sources(fieldRule, rule)) < Integer.MAX_VALUE)
                        .min(Comparator.comparingInt(record -> rank(record, sources(fieldRule, rule))));
            };
            Object value = from.map(record -> record.getFields().get(field)).orElseGet(() -> empty(survivor.getFields()
                    .get(field)) ? merged.stream().map(record -> record.getFields().get(field)).filter(v -> !empty(v))
                    .findFirst().orElse(null) : null);
            if (value != null && !value.equals(survivor.getFields().get(field))) {
                taken.put(field, value);
            }
        }
        if (!taken.isEmpty()) {
            Map<String, Object> content = new TreeMap<>(taken);
            // the survivor's own content, then what it took: the same cluster gives the same hash next run
            content.put("\u0000survivor", survivor.getContentHash());
            survivor.fill(taken, RecordMapper.contentHash(content));
        }
        return new MergedDuplicates.Merge(survivor, List.copyOf(merged), why + (taken.isEmpty() ? ""
                : "; the survivor took " + taken.keySet() + " from the records merged into it"));
    }

    /** The survivor first: by the rule's choice, then the most complete, then the first read. */
    private static Comparator<PipelineRecord> order(MergeRule rule) {
        Comparator<PipelineRecord> mostComplete = Comparator.comparingLong(Survivorship::filledFields).reversed();
        Comparator<PipelineRecord> firstRead = Comparator.comparingLong(PipelineRecord::getRecordNumber);
        Comparator<PipelineRecord> chosen = switch (rule.survivor()) {
            case MOST_COMPLETE -> mostComplete;
            case FIRST -> firstRead;
            case MOST_RECENT -> newestFirst(rule);
            case SOURCE_PRIORITY -> Comparator.comparingInt(record -> rank(record, rule.sources()));
        };
        return chosen.thenComparing(mostComplete).thenComparing(firstRead);
    }

    /** The most recently changed first; a record whose change time is missing or unreadable last. */
    private static Comparator<PipelineRecord> newestFirst(MergeRule rule) {
        return Comparator.comparing((PipelineRecord record) -> changedAt(record, rule.changedAt()),
                Comparator.nullsLast(Comparator.reverseOrder()));
    }

    private static List<String> sources(MergeRule.FieldMerge field, MergeRule rule) {
        return field.sources().isEmpty() ? rule.sources() : field.sources();
    }

    /** The position of the record's source among the sources; not among them: after them all. */
    private static int rank(PipelineRecord record, List<String> sources) {
        int position = sources.indexOf(record.getSourceValues().get(SourceRecord.SOURCE_NAME_COLUMN));
        return position < 0 ? Integer.MAX_VALUE : position;
    }

    /**
     * When the record last changed: the first of the columns it has a value of, as read; without columns, the export's
     * change marker. An ISO-8601 instant, date-time or date (a space between date and time will do), or epoch
     * milliseconds; anything else counts as unknown.
     */
    static Instant changedAt(PipelineRecord record, List<String> columns) {
        String value = columns.isEmpty() ? record.getChangedAt() : columns.stream()
                .map(column -> record.getSourceValues().get(column)).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replace(' ', 'T');
        if (text.chars().allMatch(Character::isDigit) && text.length() > 8) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }

    private static long filledFields(PipelineRecord record) {
        return record.getFields().values().stream().filter(value -> !empty(value)).count();
    }

    private static boolean empty(Object value) {
        return value == null || value.toString().isBlank();
    }
}
