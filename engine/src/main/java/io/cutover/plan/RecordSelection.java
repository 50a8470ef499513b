package io.cutover.plan;

import io.cutover.mapping.Cutoff;
import io.cutover.mapping.FieldRule;
import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import io.cutover.mapping.RecordMapper;
import io.cutover.mapping.SkipRule;
import io.cutover.mapping.transform.Rejection;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.SourceCatalog;
import io.cutover.source.SourceRecord;
import io.cutover.state.Ledger;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Predicate;
import org.apache.camel.support.DefaultExchange;
import org.eclipse.microprofile.config.Config;

/**
 * Which records a run takes: all of them, a segment (a filter on the source columns, per object:
 * {@code cutover.run.segment.<Object>}), or in a sample run the first N or a share of each object. Children follow
 * their parents: when an object's records are restricted, only the children of records the run took are taken, so
 * that the slice loads with its references intact. Records left out are {@code skipped} with the reason, as are those
 * a mapping's skip rules name and those dated before the object's cut-off date (the mapping's {@code cutoff:} names
 * the column and may give the date; {@code cutover.run.cutoff.<Object>} gives or replaces it).
 */
@Singleton
@Named("selection")
public class RecordSelection {

    private static final String CUTOFF_PREFIX = "cutover.run.cutoff.";

    private final MappingCatalog mappings;
    private final Config config;
    private final Ledger ledger;
    private final SourceCatalog sources;
    private final Map<String, Predicate> segments = new HashMap<>();
    private final Map<String, String> segmentTexts = new HashMap<>();
    /** The objects given a cut-off date by the run's configuration ({@code cutover.run.cutoff.<Object>}). */
    private final Set<String> configuredCutoffs = new HashSet<>();
    /** The cut-off in force per object: its mapping's column, with the run's date or else the mapping's. */
    private final Map<String, ObjectCutoff> cutoffs = new HashMap<>();
    private final Map<String, AtomicLong> taken = new ConcurrentHashMap<>();

    RecordSelection(MappingCatalog mappings, Ledger ledger, SourceCatalog sources, CamelContext camel, Config config) {
        this.mappings = mappings;
        this.ledger = ledger;
        this.sources = sources;
        this.config = config;
        for (String object : mappings.objects()) {
            config.getOptionalValue("cutover.run.segment." + object, String.class).ifPresent(filter -> {
                segments.put(object, camel.resolveLanguage("simple").createPredicate(filter));
                segmentTexts.put(object, filter);
            });
            Optional<LocalDate> configured = config.getOptionalValue(cutoffKey(object), LocalDate.class);
            configured.ifPresent(date -> configuredCutoffs.add(object));
            ObjectMapping mapping = mappings.forObject(object);
            mapping.cutoff().ifPresent(cutoff -> configured.or(cutoff::date).ifPresent(date -> cutoffs.put(object,
                    new ObjectCutoff(cutoff, date, configured.isPresent() ? cutoffKey(object)
                            : mapping.file().getFileName() + ", cutoff.date"))));
        }
    }

    /** A cut-off in force: the column it reads, the date, and where that date was given (for the skip's reason). */
    private record ObjectCutoff(Cutoff cutoff, LocalDate date, String givenBy) {
    }

    private static String cutoffKey(String object) {
        return CUTOFF_PREFIX + object;
    }

    /**
     * A cut-off date must have a date column to be compared with: one given for an object that has no mapping, or whose
     * mapping names no {@code cutoff:} column, would leave behind nothing the user meant it to, so it stops the start.
     */
    public void check() {
        List<String> problems = new ArrayList<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(CUTOFF_PREFIX) && mappings.find(key.substring(CUTOFF_PREFIX.length())).isEmpty()) {
                problems.add(key + ": no mapping file maps the object " + key.substring(CUTOFF_PREFIX.length())
                        + " (mapped: " + mappings.objects() + ")");
            }
        }
        configuredCutoffs.stream().filter(object -> mappings.forObject(object).cutoff().isEmpty()).sorted()
                .forEach(object -> problems.add(cutoffKey(object) + ": " + mappings.forObject(object).file()
                        + " names no date column to compare it with (cutoff: {column: <the date column>})"));
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Cutover cannot start: " + String.join("; ", problems));
        }
    }

    /**
     * A chunk of the export, each record {@linkplain #admit admitted} in the export's order (a sample counts records as
     * they come): source records to map, and records already decided (skipped), at their places. In a sample or
     * segment run, the parents the chunk's records refer to are looked up in the run at once, one query per parent
     * object.
     */
    public List<Object> admitChunk(@Body List<SourceRecord> chunk, @ExchangeProperty("runId") String runId,
            @ExchangeProperty("sampleSize") SampleSize sampleSize, CamelContext camel) {
        boolean sample = sampleSize != null;
        ParentsInRun parents = sample || !segments.isEmpty() ? parentsInRun(runId, chunk, sample) : ParentsInRun.NONE;
        List<Object> admitted = new ArrayList<>(chunk.size());
        for (SourceRecord source : chunk) {
            admitted.add(admit(source, runId, sampleSize, parents, camel));
        }
        return admitted;
    }

    /**
     * The source record itself when the run takes it, to be mapped; otherwise the record already decided: skipped,
     * with the reason. Selection comes before the mapping, so that a child left out with its parent is skipped rather
     * than rejected for a parent the run did not load.
     */
    private Object admit(SourceRecord source, String runId, SampleSize sampleSize, ParentsInRun parents,
            CamelContext camel) {
        boolean sample = sampleSize != null;
        if (!source.readable() || source.legacyId() == null) {
            return source;
        }
        String object = source.object();
        for (SkipRule rule : mappings.forObject(object).skip()) {
            if (rule.matches(camel, source.values())) {
                return skipped(runId, source, "SKIPPED_BY_RULE", rule.because() + " (" + rule.when() + ")");
            }
        }
        ObjectCutoff cutoff = cutoffs.get(object);
        if (cutoff != null) {
            String column = cutoff.cutoff().column();
            try {
                Optional<LocalDate> date = cutoff.cutoff().dateOf(source.values());
                if (date.isPresent() && date.get().isBefore(cutoff.date())) {
                    return skipped(runId, source, "BEFORE_CUTOFF", column + " " + date.get()
                            + " is before the cut-off date " + cutoff.date() + " (" + cutoff.givenBy() + ")");
                }
            } catch (Rejection unreadable) {
                return PipelineRecord.rejected(runId, object, source.legacyId(), source.recordNumber(), source.sourceRef(),
                        unreadable.reasonCode(), RecordMapper.rejectMessage(source.sourceRef(), object,
                                source.legacyId(), column, source.values().get(column), unreadable.getMessage()))
                        .withSourceValues(source.valuesKept());
            }
        }
        if (!sample && segments.isEmpty()) {
            return source;
        }
        Predicate segment = segments.get(object);
        if (segment != null && !segment.matches(sourceRow(camel, source))) {
            return skipped(runId, source, "NOT_IN_SEGMENT", "outside the segment " + segmentTexts.get(object));
        }
        Optional<String> missingParent = parentOutsideRun(mappings.forObject(object), source, sample, parents);
        if (missingParent.isPresent()) {
            return skipped(runId, source, sample ? "NOT_IN_SAMPLE" : "NOT_IN_SEGMENT", "its parent " + missingParent.get()
                    + " is not in this run's " + (sample ? "sample" : "segment"));
        }
        if (sample && !inSample(runId, source, sampleSize)) {
            return skipped(runId, source, "NOT_IN_SAMPLE", "beyond the sample of " + sampleSize);
        }
        return source;
    }

    private static PipelineRecord skipped(String runId, SourceRecord source, String reasonCode, String reason) {
        PipelineRecord record = new PipelineRecord(runId, source.object(), source.legacyId(), source.recordNumber(),
                source.sourceRef(), Map.of(), null);
        record.skip(reasonCode, source.sourceRef() + ": " + source.object() + " " + source.legacyId() + ": " + reason);
        return record;
    }

    private boolean inSample(String runId, SourceRecord source, SampleSize size) {
        if (size.percent() > 0) {
            // the same records on every run: a share of the legacy ids, not of the order they come in
            return Math.floorMod(source.legacyId().hashCode(), 100) < size.percent();
        }
        AtomicLong count = taken.computeIfAbsent(runId + "/" + source.object(),
                key -> new AtomicLong(ledger.countInRun(runId, source.object())));
        return count.incrementAndGet() <= size.records();
    }

    /** The parent references of a record that the run's sample or segment decides on: (object, legacy id) pairs. */
    private void forEachCheckedParent(ObjectMapping mapping, SourceRecord source, boolean sample,
            BiConsumer<List<String>, String> parent) {
        for (FieldRule rule : mapping.fields().values()) {
            if (!(rule instanceof FieldRule.Parent reference)) {
                continue;
            }
            List<String> objects = reference.typeColumn() == null ? reference.objects()
                    : reference.objectOfType(String.valueOf(source.values().get(reference.typeColumn())).trim()).stream()
                            .toList();
            String value = source.values().get(reference.column());
            if (value == null || value.isBlank() || objects.isEmpty()
                    || !(sample || objects.stream().anyMatch(object -> restricted(object, new HashSet<>())))) {
                continue;
            }
            parent.accept(objects, value.trim());
        }
    }

    /** The parents of a chunk's records that the run took: one query per parent object. */
    private ParentsInRun parentsInRun(String runId, List<SourceRecord> chunk, boolean sample) {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (SourceRecord source : chunk) {
            if (source.readable() && source.legacyId() != null) {
                forEachCheckedParent(mappings.forObject(source.object()), source, sample, (objects, value) -> objects
                        .forEach(object -> wanted.computeIfAbsent(object, key -> new HashSet<>())
                                .add(sources.parentLegacyId(source, object, value))));
            }
        }
        Map<String, Set<String>> taken = new HashMap<>();
        wanted.forEach((object, legacyIds) -> taken.put(object, ledger.inRun(runId, object, List.copyOf(legacyIds))));
        return (object, legacyId) -> taken.getOrDefault(object, Set.of()).contains(legacyId);
    }

    /** Whether the run took a parent record: staged it to load, or it is a dry run's. */
    @FunctionalInterface
    private interface ParentsInRun {
        ParentsInRun NONE = (object, legacyId) -> false;

        boolean taken(String object, String legacyId);
    }

    /** The first parent reference to a record the run did not take, when the parent's object is restricted. */
    private Optional<String> parentOutsideRun(ObjectMapping mapping, SourceRecord source, boolean sample,
            ParentsInRun parents) {
        List<String> outside = new ArrayList<>(1);
        forEachCheckedParent(mapping, source, sample, (objects, value) -> {
            if (outside.isEmpty() && objects.stream()
                    .noneMatch(object -> parents.taken(object, sources.parentLegacyId(source, object, value)))) {
                outside.add(String.join(" or ", objects) + " " + value);
            }
        });
        return outside.stream().findFirst();
    }

    /** An object is restricted when it has a segment, or when one of its parents is restricted. */
    private boolean restricted(String object, Set<String> seen) {
        if (segments.containsKey(object)) {
            return true;
        }
        if (!seen.add(object) || mappings.find(object).isEmpty()) {
            return false;
        }
        return mappings.forObject(object).fields().values().stream()
                .anyMatch(rule -> rule instanceof FieldRule.Parent parent
                        && parent.objects().stream().anyMatch(parentObject -> restricted(parentObject, seen)));
    }

    private static Exchange sourceRow(CamelContext camel, SourceRecord source) {
        Exchange row = new DefaultExchange(camel);
        row.getMessage().setBody(new LinkedHashMap<>(source.values()));
        return row;
    }
}
