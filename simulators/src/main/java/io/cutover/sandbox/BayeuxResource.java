package io.cutover.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutover.schema.TargetSchema;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Streaming API's CometD endpoint, {@code /cometd/<version>}, as camel-salesforce's client speaks it: Bayeux long
 * polling, each call a JSON array of messages on the meta channels {@code /meta/handshake}, {@code /meta/subscribe},
 * {@code /meta/connect}, {@code /meta/unsubscribe} and {@code /meta/disconnect} (the client appends the message type to
 * the URL). Subscriptions are to Change Data Capture channels: {@code /data/<Object>ChangeEvent}, or
 * {@code /data/ChangeEvents} for every object, each from a replay id given in the subscribe message's
 * {@code ext.replay}. A connect answers the events due, or waits for some up to the connect hold.
 */
@Path("/cometd/{version: \\d+\\.\\d+}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BayeuxResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL_CHANGES = "/data/ChangeEvents";
    private static final String OAUTH = "OAuth ";
    private static final String BEARER = "Bearer ";
    private static final int MOST_EVENTS = 100;

    @Inject
    SessionRegistry sessions;
    @Inject
    ChangeEvents events;
    @Inject
    SandboxConfig config;
    @Inject
    TargetSchema schema;
    @Inject
    BayeuxClients clients;

    @POST
    public String root(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String messages)
            throws JsonProcessingException, InterruptedException {
        return handle(authorization, messages);
    }

    @POST
    @Path("{type: handshake|connect|subscribe|unsubscribe|disconnect}")
    public String typed(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String messages)
            throws JsonProcessingException, InterruptedException {
        return handle(authorization, messages);
    }

    private String handle(String authorization, String body) throws JsonProcessingException, InterruptedException {
        JsonNode messages = JSON.readTree(body);
        ArrayNode answers = JSON.createArrayNode();
        for (JsonNode message : messages.isArray() ? messages : JSON.createArrayNode().add(messages)) {
            String channel = message.path("channel").asText();
            ObjectNode reply = answers.addObject();
            reply.put("channel", channel);
            if (message.has("id")) {
                reply.set("id", message.get("id"));
            }
            if (!sessions.isValid(token(authorization))) {
                // camel-salesforce logs in again on a 401 and hands shakes anew
                reply.put("successful", false).put("error", "401::Authentication invalid");
                reply.putObject("advice").put("reconnect", "handshake");
                continue;
            }
            switch (channel) {
                case "/meta/handshake" -> handshake(reply);
                case "/meta/subscribe" -> subscribe(message, reply);
                case "/meta/unsubscribe" -> unsubscribe(message, reply);
                case "/meta/connect" -> connect(message, reply, answers);
                case "/meta/disconnect" -> {
                    clients.close(message.path("clientId").asText());
                    reply.put("successful", true);
                }
                default -> reply.put("successful", false).put("error", "400::unknown channel " + channel);
            }
        }
        return JSON.writeValueAsString(answers);
    }

    private void handshake(ObjectNode reply) {
        String clientId = clients.open();
        reply.put("successful", true).put("version", "1.0").put("minimumVersion", "1.0").put("clientId", clientId);
        reply.putArray("supportedConnectionTypes").add("long-polling");
        reply.putObject("advice").put("reconnect", "retry").put("interval", 0)
                .put("timeout", config.changeEvents().connectHold().toMillis());
        reply.putObject("ext").put("replay", true).put("payload.format", true);
    }

    private void subscribe(JsonNode message, ObjectNode reply) {
        String subscription = message.path("subscription").asText();
        reply.put("subscription", subscription);
        BayeuxClients.Client client = client(message, reply);
        if (client == null) {
            return;
        }
        if (!subscription.equals(ALL_CHANGES) && objectOf(subscription) == null) {
            reply.put("successful", false).put("error", "400::The channel you requested to subscribe to does not exist {"
                    + subscription + "}");
            return;
        }
        JsonNode replay = message.path("ext").path("replay").path(subscription);
        long replayId = replay.isNumber() ? replay.asLong() : -1;
        ChangeEvents.Retained retained = events.retained();
        if (!retained.canReplayAfter(replayId)) {
            // the words camel-salesforce matches to fall back to its fallBackReplayId
            reply.put("successful", false).put("error", "400::The replayId {" + replayId + "} you provided was invalid.  "
                    + "Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.");
            return;
        }
        synchronized (client) {
            client.cursors.put(subscription, retained.cursorFor(replayId));
        }
        clients.subscribed(subscription, replayId);
        reply.put("successful", true);
    }

    private void unsubscribe(JsonNode message, ObjectNode reply) {
        String subscription = message.path("subscription").asText();
        reply.put("subscription", subscription);
        BayeuxClients.Client client = client(message, reply);
        if (client != null) {
            synchronized (client) {
                client.cursors.remove(subscription);
            }
            reply.put("successful", true);
        }
    }

    /** The events due for the client's subscriptions, oldest first, before the connect's own reply. */
    private void connect(JsonNode message, ObjectNode reply, ArrayNode answers) throws InterruptedException,
            JsonProcessingException {
        BayeuxClients.Client client = client(message, reply);
        if (client == null) {
            return;
        }
        Map<String, Long> cursors;
        synchronized (client) {
            cursors = new LinkedHashMap<>(client.cursors);
        }
        List<ObjectNode> due = new ArrayList<>();
        if (!cursors.isEmpty()) {
            Map<String, List<ChangeEvents.Event>> bySubscription = events.awaitAfterEach(cursors,
                    subscription -> subscription.equals(ALL_CHANGES) ? null : Set.of(objectOf(subscription)), MOST_EVENTS,
                    config.changeEvents().connectHold().toMillis());
            List<Map.Entry<String, ChangeEvents.Event>> inOrder = new ArrayList<>();
            bySubscription.forEach((subscription, found) -> found.forEach(event -> inOrder.add(Map.entry(subscription, event))));
            inOrder.sort(Comparator.comparingLong(delivered -> delivered.getValue().replayId()));
            for (Map.Entry<String, ChangeEvents.Event> delivered : inOrder) {
                due.add(delivery(delivered.getKey(), delivered.getValue()));
                cursors.merge(delivered.getKey(), delivered.getValue().replayId(), Math::max);
            }
            synchronized (client) {
                cursors.forEach((subscription, cursor) -> client.cursors.computeIfPresent(subscription,
                        (name, old) -> Math.max(old, cursor)));
            }
        }
        // the events go first, the connect's reply last, as a CometD server answers a held connect
        answers.remove(answers.size() - 1);
        due.forEach(answers::add);
        answers.add(reply);
        reply.put("successful", true);
        reply.putObject("advice").put("reconnect", "retry").put("interval", 0)
                .put("timeout", config.changeEvents().connectHold().toMillis());
    }

    private static ObjectNode delivery(String channel, ChangeEvents.Event event) throws JsonProcessingException {
        ObjectNode delivery = JSON.createObjectNode();
        delivery.put("channel", channel);
        ObjectNode data = delivery.putObject("data");
        data.put("schema", event.object() + "ChangeEvent-schema");
        data.set("payload", JSON.readTree(event.payload()));
        data.putObject("event").put("replayId", event.replayId());
        return delivery;
    }

    /** The client the message names; null (and the reply says so) for one this server does not know. */
    private BayeuxClients.Client client(JsonNode message, ObjectNode reply) {
        String clientId = message.path("clientId").asText();
        reply.put("clientId", clientId);
        BayeuxClients.Client client = clients.find(clientId);
        if (client == null) {
            reply.put("successful", false).put("error", "403::Unknown client");
            reply.putObject("advice").put("reconnect", "handshake");
        }
        return client;
    }

    /** {@code /data/AccountChangeEvent} is Account's channel; null for one of an object the org does not have. */
    private String objectOf(String channel) {
        if (!channel.startsWith("/data/") || !channel.endsWith("ChangeEvent")) {
            return null;
        }
        String object = channel.substring("/data/".length(), channel.length() - "ChangeEvent".length());
        return schema.find(object).isPresent() ? object : null;
    }

    private static String token(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.startsWith(OAUTH)) {
            return authorization.substring(OAUTH.length()).strip();
        }
        return authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()).strip() : null;
    }
}
