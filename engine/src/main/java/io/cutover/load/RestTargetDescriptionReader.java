package io.cutover.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.cutover.config.ConfigurationProblems;
import io.cutover.http.Authorization;
import io.cutover.http.Secrets;
import io.cutover.load.RestTargetDescription.Call;
import io.cutover.load.RestTargetDescription.Credential;
import io.cutover.load.RestTargetDescription.Search;
import io.cutover.load.RestTargetDescription.TargetObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a target description file and checks it: every problem is added with the file and the key it is at, so that
 * one start-up reports all of them.
 */
final class RestTargetDescriptionReader {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> KEYS = List.of("baseUrl", "auth", "timeout", "objects");
    private static final List<String> OBJECT_KEYS = List.of("baseUrl", "auth", "legacyIdField", "id", "upsert", "create",
            "update", "search");
    private static final List<String> SEARCH_KEYS = List.of("call", "results", "id");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
    private static final Pattern CALL = Pattern.compile("([A-Z]+)\\s+(/\\S*)");

    private final Path file;
    private final Function<String, String> environment;
    private final List<String> found = new ArrayList<>();
    private boolean baseUrlAtTop;

    private RestTargetDescriptionReader(Path file, Function<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /**
     * The description, or empty when it has problems (added to {@code problems}); every mapped object (with its
     * mapping file) must be described.
     */
    static Optional<RestTargetDescription> read(Path file, Function<String, String> environment, Map<String, Path> mapped,
            ConfigurationProblems problems) {
        JsonNode root = problems.readYamlObject(file, KEYS);
        if (root == null) {
            return Optional.empty();
        }
        RestTargetDescriptionReader reader = new RestTargetDescriptionReader(file, environment);
        RestTargetDescription description = reader.read(root);
        if (root.path("objects").isObject()) {
            mapped.forEach((object, mapping) -> {
                if (!root.get("objects").has(object)) {
                    reader.found.add("objects: no entry for " + object + ", which " + mapping + " maps");
                }
            });
        }
        reader.found.forEach(problem -> problems.add(file, problem));
        return reader.found.isEmpty() ? Optional.of(description) : Optional.empty();
    }

    private RestTargetDescription read(JsonNode root) {
        unknownKeys(root, null, KEYS);
        baseUrlAtTop = root.has("baseUrl");
        Optional<URI> baseUrl = root.has("baseUrl") ? Optional.ofNullable(url(root.get("baseUrl"), "baseUrl")) : Optional.empty();
        Optional<Credential> credential = root.has("auth") ? credential(root.get("auth"), "auth") : Optional.empty();
        Duration timeout = timeout(root.get("timeout"));
        Map<String, TargetObject> objects = new LinkedHashMap<>();
        JsonNode objectNodes = root.get("objects");
        if (objectNodes == null || !objectNodes.isObject() || objectNodes.isEmpty()) {
            found.add("objects: missing (expected the target's objects, e.g. Account: {legacyIdField: ..., id: ..., upsert: ...})");
        } else {
            objectNodes.fields().forEachRemaining(entry ->
                    object(entry.getKey(), entry.getValue(), baseUrl, credential).ifPresent(o -> objects.put(o.object(), o)));
        }
        return new RestTargetDescription(file, timeout, objects);
    }

    private Optional<TargetObject> object(String object, JsonNode node, Optional<URI> defaultBaseUrl,
            Optional<Credential> defaultCredential) {
        String at = "objects." + object;
        if (!node.isObject()) {
            found.add(at + ": expected the keys " + OBJECT_KEYS);
            return Optional.empty();
        }
        int before = found.size();
        unknownKeys(node, at, OBJECT_KEYS);
        URI baseUrl = node.has("baseUrl") ? url(node.get("baseUrl"), at + ".baseUrl") : defaultBaseUrl.orElse(null);
        if (!node.has("baseUrl") && !baseUrlAtTop) {
            found.add(at + ".baseUrl: missing (give baseUrl at the top of the file or for the object)");
        }
        Optional<Credential> credential = node.has("auth") ? credential(node.get("auth"), at + ".auth") : defaultCredential;
        String legacyIdField = text(node.get("legacyIdField"), at + ".legacyIdField");
        JsonPath id = jsonPath(node.get("id"), at + ".id");
        Optional<Call> upsert = call(node.get("upsert"), at + ".upsert", Set.of("PUT", "PATCH", "POST"), Set.of("legacyId"));
        Optional<Call> create = call(node.get("create"), at + ".create", Set.of("POST", "PUT"), Set.of());
        Optional<Call> update = call(node.get("update"), at + ".update", Set.of("PATCH", "PUT", "POST"), Set.of("id"));
        Optional<Search> search = search(node.get("search"), at + ".search", id);
        if (upsert.isEmpty() && !node.has("upsert")) {
            List<String> missing = new ArrayList<>();
            for (String key : List.of("create", "update", "search")) {
                if (!node.has(key)) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                found.add(at + ": without upsert, the calls create, update and search are all needed; missing: "
                        + String.join(", ", missing));
            }
        }
        if (found.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TargetObject(object, baseUrl, credential, legacyIdField, id, upsert, create, update, search));
    }

    private Optional<Search> search(JsonNode node, String at, JsonPath objectId) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            found.add(at + ": expected {call: \"GET /path?field={legacyId}\", results: \"$.records\"}");
            return Optional.empty();
        }
        unknownKeys(node, at, SEARCH_KEYS);
        Optional<Call> call = call(node.get("call"), at + ".call", Set.of("GET"), Set.of("legacyId"));
        if (!node.has("call")) {
            found.add(at + ".call: missing (e.g. \"GET /contacts?legacy_id={legacyId}\")");
        }
        JsonPath results = jsonPath(node.get("results"), at + ".results");
        JsonPath id = node.has("id") ? jsonPath(node.get("id"), at + ".id") : objectId;
        return call.map(c -> new Search(c, results, id));
    }

    /** "METHOD /path?query", with the placeholders the call needs and none it cannot fill. */
    private Optional<Call> call(JsonNode node, String at, Set<String> methods, Set<String> required) {
        if (node == null) {
            return Optional.empty();
        }
        String text = text(node, at);
        if (text == null) {
            return Optional.empty();
        }
        Matcher call = CALL.matcher(text.strip());
        if (!call.matches()) {
            found.add(at + ": '" + text + "' is not a call: expected an HTTP method and a path below the base URL, e.g. "
                    + "\"" + methods.iterator().next() + " /contacts\"");
            return Optional.empty();
        }
        int before = found.size();
        if (!methods.contains(call.group(1))) {
            found.add(at + ": the method " + call.group(1) + " is not one of " + methods.stream().sorted().toList());
        }
        Set<String> placeholders = Call.placeholdersIn(call.group(2));
        placeholders.stream().filter(name -> !Call.PLACEHOLDERS.contains(name)).forEach(name -> found.add(at + ": {" + name
                + "} is not a value Cutover knows ({id}: the record's id in the target, {legacyId}: its legacy id)"));
        if (placeholders.contains("id") && !required.contains("id")) {
            found.add(at + ": {id} is not known for this call (only update knows the target id)");
        }
        required.stream().filter(name -> !placeholders.contains(name))
                .forEach(name -> found.add(at + ": the path needs {" + name + "}, e.g. " + example(name)));
        return found.size() > before ? Optional.empty() : Optional.of(new Call(call.group(1), call.group(2)));
    }

    private static String example(String placeholder) {
        return placeholder.equals("id") ? "\"PATCH /contacts/{id}\"" : "\"PUT /accounts/by-legacy-id/{legacyId}\"";
    }

    private URI url(JsonNode node, String at) {
        String text = text(node, at);
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getRawAuthority() != null
                    && url.getRawQuery() == null && url.getRawFragment() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, as for any other URL that is not usable
        }
        found.add(at + ": '" + text + "' is not an http or https URL without a query (e.g. https://crm.example.com/api/v2)");
        return null;
    }

    private Optional<Credential> credential(JsonNode auth, String at) {
        if (auth.isObject() && auth.size() == 1 && auth.has("bearer")) {
            String token = secret(auth.get("bearer"), at + ".bearer");
            return token == null ? Optional.empty() : Optional.of(new Credential(Authorization.HEADER, Authorization.bearer(token)));
        }
        if (auth.isObject() && auth.size() == 1 && auth.path("basic").isObject()) {
            JsonNode basic = auth.get("basic");
            unknownKeys(basic, at + ".basic", List.of("username", "password"));
            String username = secret(basic.get("username"), at + ".basic.username");
            String password = secret(basic.get("password"), at + ".basic.password");
            if (username == null || password == null) {
                return Optional.empty();
            }
            return Optional.of(new Credential(Authorization.HEADER, Authorization.basic(username, password)));
        }
        if (auth.isObject() && auth.size() == 1 && auth.path("apiKey").isObject()) {
            JsonNode apiKey = auth.get("apiKey");
            unknownKeys(apiKey, at + ".apiKey", List.of("header", "value"));
            String header = text(apiKey.get("header"), at + ".apiKey.header");
            String value = secret(apiKey.get("value"), at + ".apiKey.value");
            return header == null || value == null ? Optional.empty() : Optional.of(new Credential(header, value));
        }
        found.add(at + ": expected {bearer: <token>}, {basic: {username: <name>, password: <password>}} or "
                + "{apiKey: {header: <header name>, value: <key>}}");
        return Optional.empty();
    }

    /** A credential: written as ${env:NAME}, or literally ({@link Secrets}). */
    private String secret(JsonNode value, String at) {
        String text = text(value, at);
        return text == null ? null : Secrets.resolve(text, environment, problem -> found.add(at + ": " + problem)).orElse(null);
    }

    private Duration timeout(JsonNode node) {
        if (node == null) {
            return DEFAULT_TIMEOUT;
        }
        Matcher duration = DURATION.matcher(node.asText());
        if (!node.isTextual() || !duration.matches() || Long.parseLong(duration.group(1)) == 0) {
            found.add("timeout: '" + node.asText() + "' is not a duration (e.g. 500ms, 30s, 2m)");
            return DEFAULT_TIMEOUT;
        }
        long amount = Long.parseLong(duration.group(1));
        return switch (duration.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private JsonPath jsonPath(JsonNode node, String at) {
        String text = text(node, at);
        if (text == null) {
            return null;
        }
        try {
            return JsonPath.compile(text);
        } catch (InvalidPathException | IllegalArgumentException e) {
            found.add(at + ": '" + text + "' is not a JSONPath (e.g. $.id): " + e.getMessage());
            return null;
        }
    }

    private String text(JsonNode value, String at) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            found.add(at + ": missing (expected a text value)");
            return null;
        }
        return value.asText();
    }

    private void unknownKeys(JsonNode node, String at, List<String> keys) {
        node.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key)) {
                found.add((at == null ? "" : at + ": ") + "unknown key '" + key + "' (expected one of " + keys + ")");
            }
        });
    }
}
