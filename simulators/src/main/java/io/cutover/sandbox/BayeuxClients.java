package io.cutover.sandbox;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The CometD clients of the sandbox's Streaming API, each with its subscriptions and the replay id read up to. */
@Singleton
public class BayeuxClients {

    /** A client's subscriptions, by channel, each with the replay id it has read up to; guarded by the client. */
    static final class Client {
        final Map<String, Long> cursors = new LinkedHashMap<>();
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    /** The replay id each channel's last subscription asked to start after. */
    private final Map<String, Long> subscribedFrom = new ConcurrentHashMap<>();

    String open() {
        String clientId = UUID.randomUUID().toString().replace("-", "");
        clients.put(clientId, new Client());
        return clientId;
    }

    Client find(String clientId) {
        return clients.get(clientId);
    }

    void close(String clientId) {
        clients.remove(clientId);
    }

    void subscribed(String channel, long replayId) {
        subscribedFrom.put(channel, replayId);
    }

    /** The replay id each channel's last subscription asked to start after (-1: new events, -2: all kept). */
    public Map<String, Long> subscribedFrom() {
        return Map.copyOf(subscribedFrom);
    }

    /** Every channel some client is subscribed to, as often as it is: for the admin's view. */
    public List<String> subscriptions() {
        List<String> channels = new ArrayList<>();
        clients.values().forEach(client -> {
            synchronized (client) {
                channels.addAll(client.cursors.keySet());
            }
        });
        return channels;
    }
}
