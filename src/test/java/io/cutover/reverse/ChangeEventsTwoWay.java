package io.cutover.reverse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The two-way simulator with target changes captured by Change Data Capture events only: the forward sync (whose
 * cycles sweep the target first) is off and the sweep's interval is an hour, so every change applied came as an event.
 */
public class ChangeEventsTwoWay extends TwoWayLegacyCrm {

    /**
     * A port of its own unless the command line names one: a streaming client of an earlier test application can live
     * on after it, log in again to whatever answers on the shared test port and receive its events, and so put their
     * replay ids into camel-salesforce's JVM-wide map, which this application's subscriptions would then start after.
     */
    private final int port = Integer.getInteger("quarkus.http.test-port", freePort());

    @Override
    protected int port() {
        return port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        StreamingReplayIds.forget();
        Map<String, String> config = new HashMap<>(super.start());
        config.put("cutover.sync.enabled", "false");
        config.put("cutover.reverse-sync.cdc", "true");
        config.put("cutover.reverse-sync.sweep-interval", "1h");
        config.put("cutover.sandbox.change-events.connect-hold", "2s");
        return config;
    }

    @Override
    public void stop() {
        StreamingReplayIds.forget();
        super.stop();
    }
}
