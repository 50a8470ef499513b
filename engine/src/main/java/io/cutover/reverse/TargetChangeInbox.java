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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.jboss.logging.Logger;

/**
 * The first step of a Change Data Capture subscription (routes/reverse-sync.yaml): each event, as Salesforce sent it
 * (camel-salesforce's raw payload, which keeps the header's changed fields), is stored in the inbox with its replay id
 * as the channel's checkpoint, in one transaction, before anything else is done with it. camel-salesforce counts an
 * event as received as soon as it arrives; only what is stored here survives a crash.
 *
 * <p>A channel's first subscription replays every event the org keeps (ReplayIds): those committed before its capture
 * start, less the overlap window for the two clocks, are the migration's or older and move only the checkpoint.
 */
@Singleton
@Named("targetChangeInbox")
public class TargetChangeInbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() { };

    private static final Logger LOG = Logger.getLogger(TargetChangeInbox.class);

    private final TargetChanges changes;
    private final Duration overlap;
    /** Per checkpoint stream: the events committed before this are not the cutover window's. */
    private final Map<String, Instant> windowStarts = new ConcurrentHashMap<>();

    TargetChangeInbox(TargetChanges changes, ReverseSettings settings) {
        this.changes = changes;
        this.overlap = settings.overlap();
    }

    /** Stores one event: one change per record it names (a transaction may change several records in one event). */
    public void store(@Body String event, @Header("CamelSalesforceChannel") String channel) throws JsonProcessingException {
        JsonNode data = JSON.readTree(event).path("data");
        String replayId = data.path("event").path("replayId").asText();
        JsonNode payload = data.path("payload");
        JsonNode header = payload.path("ChangeEventHeader");
        Instant committed = Instant.ofEpochMilli(header.path("commitTimestamp").asLong());
        String stream = ReplayIds.stream(channel);
        Instant windowStart = windowStarts.computeIfAbsent(stream, name -> {
            Instant start = changes.captureStart(name).minus(overlap);
            LOG.infof("%s: events committed before %s (the channel's first subscription, less the overlap window) are "
                    + "not the cutover window's: not written back", channel, start);
            return start;
        });
        if (committed.isBefore(windowStart)) {
            // a sweep catching up after this replay id expired starts at the capture start, not before
            changes.store(List.of(), new TargetChanges.Checkpoint(stream, replayId, windowStart));
            return;
        }
        Map<String, Object> values = JSON.convertValue(payload, FIELDS);
        values.remove("ChangeEventHeader");
        List<String> changed = new ArrayList<>();
        header.path("changedFields").forEach(field -> changed.add(field.asText()));
        header.path("nulledFields").forEach(field -> {
            changed.add(field.asText());
            values.putIfAbsent(field.asText(), null);
        });
        String object = header.path("entityName").asText();
        List<TargetChanges.Change> received = new ArrayList<>();
        JsonNode recordIds = header.path("recordIds");
        for (int i = 0; i < recordIds.size(); i++) {
            String key = "replay:" + replayId + (recordIds.size() > 1 ? "/" + i : "");
            received.add(new TargetChanges.Change(object, key, recordIds.get(i).asText(), header.path("changeType").asText(),
                    header.path("changeOrigin").asText(null), committed, changed, values));
        }
        changes.store(received, new TargetChanges.Checkpoint(stream, replayId, committed));
    }
}
