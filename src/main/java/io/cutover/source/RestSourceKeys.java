package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.cutover.config.ConfigurationProblems;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rest} key of a source description: a REST export instead of a file, checked at start-up. */
final class RestSourceKeys {

    private static final List<String> KEYS = List.of("url", "records", "paging", "auth", "retry");
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");

    private final Path file;
    private final Function<String, String> environment;
    private final List<String> found = new ArrayList<>();

    private RestSourceKeys(Path file, Function<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /** The REST source, or empty when a key has a problem (added to {@code problems}). */
    static Optional<RestSource> read(JsonNode rest, Path file, String object, String legacyId,
            Function<String, String> environment, ConfigurationProblems problems) {
        RestSourceKeys keys = new RestSourceKeys(file, environment);
        Optional<RestSource> source = keys.read(rest, object, legacyId);
        keys.found.forEach(problem -> problems.add(file, problem));
        return keys.found.isEmpty() ? source : Optional.empty();
    }

    private Optional<RestSource> read(JsonNode rest, String object, String legacyId) {
        if (!rest.isObject()) {
            found.add("rest: expected the keys " + KEYS);
            return Optional.empty();
        }
        unknownKeys(rest, "rest", KEYS);
        URI url = url(rest.get("url"));
        JsonPath records = jsonPath(rest.get("records"), "rest.records");
        RestSource.Paging paging = paging(rest.get("paging"));
        Optional<RestSource.Secret> authorization = authorization(rest.get("auth"));
        RestSource.Retry retry = retry(rest.get("retry"));
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RestSource(file, object, legacyId, url, records, paging, authorization, retry));
    }

    private URI url(JsonNode value) {
        String text = text(value, "rest.url");
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text);
            if ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, as for a URL that is not http
        }
        found.add("rest.url: '" + text + "' is not an http or https URL");
        return null;
    }

    private JsonPath jsonPath(JsonNode value, String key) {
        String text = text(value, key);
        if (text == null) {
            return null;
        }
        try {
            return JsonPath.compile(text);
        } catch (InvalidPathException | IllegalArgumentException e) {
            found.add(key + ": '" + text + "' is not a JSONPath (e.g. $.records): " + e.getMessage());
            return null;
        }
    }

    private RestSource.Paging paging(JsonNode paging) {
        if (paging == null || !paging.isObject()) {
            found.add("rest.paging: missing (expected {style: offset, limit: 200} or {style: next-link, next: \"$.next\"})");
            return null;
        }
        String style = text(paging.get("style"), "rest.paging.style");
        if ("offset".equals(style)) {
            unknownKeys(paging, "rest.paging", List.of("style", "limit", "offsetParameter", "limitParameter"));
            JsonNode limit = paging.get("limit");
            int size = 100;
            if (limit != null && !(limit.isIntegralNumber() && limit.canConvertToInt() && limit.asInt() >= 1)) {
                found.add("rest.paging.limit: '" + limit.asText() + "' is not a number of records (1 or more)");
            } else if (limit != null) {
                size = limit.asInt();
            }
            return new RestSource.OffsetPaging(size, optionalText(paging, "offsetParameter", "offset"),
                    optionalText(paging, "limitParameter", "limit"));
        }
        if ("next-link".equals(style)) {
            unknownKeys(paging, "rest.paging", List.of("style", "next"));
            JsonNode next = paging.get("next");
            if (next == null || next.isTextual() && next.asText().equalsIgnoreCase("link-header")) {
                return new RestSource.NextLinkPaging(Optional.empty());
            }
            return new RestSource.NextLinkPaging(Optional.ofNullable(jsonPath(next, "rest.paging.next")));
        }
        if (style != null) {
            found.add("rest.paging.style: '" + style + "' is not offset or next-link");
        }
        return null;
    }

    private Optional<RestSource.Secret> authorization(JsonNode auth) {
        if (auth == null) {
            return Optional.empty();
        }
        if (auth.isObject() && auth.size() == 1 && auth.has("bearer")) {
            String token = secret(auth.get("bearer"), "rest.auth.bearer");
            return token == null ? Optional.empty() : Optional.of(new RestSource.Secret("Bearer " + token));
        }
        if (auth.isObject() && auth.size() == 1 && auth.has("basic") && auth.get("basic").isObject()) {
            JsonNode basic = auth.get("basic");
            unknownKeys(basic, "rest.auth.basic", List.of("username", "password"));
            String username = secret(basic.get("username"), "rest.auth.basic.username");
            String password = secret(basic.get("password"), "rest.auth.basic.password");
            if (username == null || password == null) {
                return Optional.empty();
            }
            String pair = username + ":" + password;
            return Optional.of(new RestSource.Secret(
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
        }
        found.add("rest.auth: expected {bearer: <token>} or {basic: {username: <name>, password: <password>}}");
        return Optional.empty();
    }

    /** A credential: written as ${env:NAME}, so that the secret itself is never in the file, or literally. */
    private String secret(JsonNode value, String key) {
        String text = text(value, key);
        if (text == null) {
            return null;
        }
        Matcher variable = ENV.matcher(text);
        if (!variable.matches()) {
            return text;
        }
        String resolved = environment.apply(variable.group(1));
        if (resolved == null || resolved.isBlank()) {
            found.add(key + ": the environment variable " + variable.group(1) + " is not set");
            return null;
        }
        return resolved;
    }

    private RestSource.Retry retry(JsonNode retry) {
        if (retry == null) {
            return RestSource.Retry.DEFAULT;
        }
        unknownKeys(retry, "rest.retry", List.of("attempts", "backoff"));
        int attempts = RestSource.Retry.DEFAULT.attempts();
        JsonNode attemptsValue = retry.get("attempts");
        if (attemptsValue != null && attemptsValue.isIntegralNumber() && attemptsValue.canConvertToInt()
                && attemptsValue.asInt() >= 1) {
            attempts = attemptsValue.asInt();
        } else if (attemptsValue != null) {
            found.add("rest.retry.attempts: '" + attemptsValue.asText() + "' is not a number of calls (1 or more)");
        }
        Duration backoff = RestSource.Retry.DEFAULT.backoff();
        JsonNode backoffValue = retry.get("backoff");
        if (backoffValue != null) {
            Matcher duration = DURATION.matcher(backoffValue.asText());
            if (duration.matches()) {
                long amount = Long.parseLong(duration.group(1));
                backoff = duration.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
            } else {
                found.add("rest.retry.backoff: '" + backoffValue.asText() + "' is not a duration (e.g. 500ms, 2s)");
            }
        }
        return new RestSource.Retry(attempts, backoff);
    }

    private String optionalText(JsonNode parent, String key, String defaultValue) {
        JsonNode value = parent.get(key);
        return value == null ? defaultValue : text(value, "rest.paging." + key);
    }

    private String text(JsonNode value, String key) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            found.add(key + ": missing (expected a text value)");
            return null;
        }
        return value.asText();
    }

    private void unknownKeys(JsonNode node, String where, List<String> keys) {
        node.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key)) {
                found.add(where + ": unknown key '" + key + "' (expected one of " + keys + ")");
            }
        });
    }

    /** The process environment, where secrets come from. */
    static Function<String, String> processEnvironment() {
        Map<String, String> environment = System.getenv();
        return environment::get;
    }
}
