package io.cutover.reverse;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * camel-salesforce keeps the replay id each channel's subscription received last in a static of its own (for the
 * JVM), which it uses before anything configured. Test applications share the JVM, each with a sandbox of its own:
 * the next one's subscription would ask its sandbox for the last one's replay ids (refused as invalid, and camel's
 * fallback does not take), and once that sandbox has as many events, start there. A test application with
 * subscriptions forgets them when it starts and when it stops.
 */
final class StreamingReplayIds {

    private StreamingReplayIds() {
    }

    static void forget() {
        try {
            Class<?> helper = Class.forName("org.apache.camel.component.salesforce.internal.streaming.SubscriptionHelper");
            Field extension = helper.getDeclaredField("REPLAY_EXTENSION");
            extension.setAccessible(true);
            Object replay = extension.get(null);
            Field dataMap = replay.getClass().getDeclaredField("dataMap");
            dataMap.setAccessible(true);
            ((Map<?, ?>) dataMap.get(replay)).clear();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("camel-salesforce's replay extension has changed: " + e, e);
        }
    }
}
