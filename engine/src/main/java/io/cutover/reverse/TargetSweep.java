package io.cutover.reverse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.state.TargetChanges;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The SOQL sweep of target changes (routes/reverse-sync.yaml): the records whose {@code SystemModstamp} is at or after
 * the object's last position less the overlap window, in the order of their changes, a page at a time, each stored in
 * the inbox as a change of the whole record (its key: the record's id and SystemModstamp, so a record read again is
 * stored once). The query is a {@code queryAll}, so that records deleted since (in the recycle bin, {@code IsDeleted}
 * true, their {@code SystemModstamp} the deletion's) come back as deletions. With Change Data Capture it runs every sweep-interval and repairs what the events missed; without, it
 * is how changes are captured, every poll-interval.
 */
@Singleton
@Named("targetSweep")
public class TargetSweep {

    static final int PAGE = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() { };

    private final TargetChanges changes;
    private final ReverseMappings mappings;
    private final ReverseSettings settings;
    private final Duration interval;
    private final Map<String, Instant> lastSweep = new ConcurrentHashMap<>();
    /** Objects whose events expired before they were stored: swept from this time, at once. */
    private final Map<String, Instant> catchUps = new ConcurrentHashMap<>();

    TargetSweep(TargetChanges changes, ReverseMappings mappings, ReverseSettings settings,
            ReverseSyncConfig reverseSync) {
        this.changes = changes;
        this.mappings = mappings;
        this.settings = settings;
        this.interval = reverseSync.cdc() ? reverseSync.sweepInterval() : reverseSync.pollInterval();
    }

    /** The objects to sweep now, parents first. */
    public List<String> dueObjects() {
        Instant now = Instant.now();
        List<String> due = new ArrayList<>();
        for (String object : settings.objects()) {
            Instant last = lastSweep.get(object);
            if (catchUps.containsKey(object) || last == null || !last.plus(interval).isAfter(now)) {
                due.add(object);
                lastSweep.put(object, now);
            }
        }
        return due;
    }

    /** The objects of a forward sync cycle that the reverse sync writes back: swept before the cycle reads. */
    public List<String> objectsOf(@ExchangeProperty("syncObjects") List<String> cycle) {
        return settings.objects().stream().filter(cycle::contains).toList();
    }

    /** Asks for a sweep of the object's changes since {@code since}, at the next tick. */
    void catchUp(String object, Instant since) {
        catchUps.merge(object, since, (one, other) -> one.isBefore(other) ? one : other);
    }

    /**
     * The next page's query: the changes after the position reached (a record id breaks ties of one SystemModstamp),
     * the first page from the last position less the overlap window. A first sweep ever starts now: what changed
     * before the reverse sync started is the migration's.
     */
    public String query(@ExchangeProperty("sweptObject") String object, @ExchangeProperty("sweptUpTo") String after) {
        String condition;
        if (after != null) {
            String[] position = after.split("\\|", 2);
            condition = "SystemModstamp > " + position[0] + " OR (SystemModstamp = " + position[0] + " AND Id > '"
                    + position[1] + "')";
        } else {
            condition = "SystemModstamp >= " + literal(from(object));
        }
        Set<String> fields = new LinkedHashSet<>(List.of("Id", "SystemModstamp", "IsDeleted"));
        ReverseMapping mapping = mappings.forObject(object);
        fields.add(mapping.externalIdField());
        fields.addAll(mapping.fields().keySet());
        fields.addAll(mapping.parents().keySet());
        return "SELECT " + String.join(", ", fields) + " FROM " + object + " WHERE " + condition
                + " ORDER BY SystemModstamp, Id LIMIT " + PAGE;
    }

    /**
     * Stores the page's records as changes and moves the object's position, in one transaction; the position after the
     * page goes to the {@code sweptUpTo} property. True when the page was full: another one follows.
     */
    public boolean store(@Body String page, @ExchangeProperty("sweptObject") String object, Exchange exchange)
            throws JsonProcessingException {
        JsonNode records = JSON.readTree(page).path("records");
        List<TargetChanges.Change> found = new ArrayList<>();
        String position = null;
        for (JsonNode record : records) {
            Map<String, Object> values = JSON.convertValue(record, FIELDS);
            values.remove("attributes");
            String id = record.path("Id").asText();
            String modstamp = record.path("SystemModstamp").asText();
            Instant changed = Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(normalized(modstamp)));
            // queryAll: a record deleted since (in the recycle bin) comes back with IsDeleted true
            boolean deleted = record.path("IsDeleted").asBoolean(false);
            values.remove("IsDeleted");
            found.add(new TargetChanges.Change(object, "sweep:" + id + "@" + changed, id, deleted ? "DELETE" : "SWEEP",
                    null, changed, List.of(), values));
            position = literal(changed) + "|" + id;
        }
        if (position != null) {
            changes.store(found, new TargetChanges.Checkpoint(stream(object), position,
                    found.get(found.size() - 1).commitTime()));
        }
        catchUps.remove(object);
        exchange.setProperty("sweptUpTo", position);
        return records.size() == PAGE;
    }

    private Instant from(String object) {
        Optional<Instant> caughtUp = Optional.ofNullable(catchUps.get(object));
        Optional<Instant> reached = changes.checkpoint(stream(object)).map(TargetChanges.Checkpoint::commitTime);
        Instant from = caughtUp.isPresent() && reached.map(at -> caughtUp.get().isBefore(at)).orElse(true)
                ? caughtUp.get() : reached.orElseGet(Instant::now);
        return from.minus(settings.overlap());
    }

    private static String stream(String object) {
        return "sweep:" + object;
    }

    /** A SOQL datetime literal: {@code 2026-12-05T09:00:00.000Z}. */
    private static String literal(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Salesforce writes {@code +0000}; ISO-8601 wants {@code +00:00}. */
    private static String normalized(String modstamp) {
        return modstamp.matches(".*[+-]\\d{4}$")
                ? modstamp.substring(0, modstamp.length() - 2) + ":" + modstamp.substring(modstamp.length() - 2) : modstamp;
    }
}
