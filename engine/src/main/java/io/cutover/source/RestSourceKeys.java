package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.cutover.config.ConfigurationProblems;
import io.cutover.http.Authorization;
import io.cutover.http.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rest} key of a source description: a REST export instead of a file, checked at start-up. */
final class RestSourceKeys {

    private static final List<String> KEYS = List.of("url", "records", "paging", "auth", "retry", "requestsPerSecond",
            "incremental", "writeBack");
    private static final List<String> WRITE_BACK_KEYS = List.of("read", "create", "update", "delete");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String PAGING_STYLES = "offset, page, cursor or next-link";
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");
    /** An HTTP header name (RFC 9110 token). */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final Path file;
    private final Function<String, String> environment;
    private final List<String> found = new ArrayList<>();

    private RestSourceKeys(Path file, Function<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /** The REST source, or empty when a key has a problem (added to {@code problems}). */
    static Optional<RestSource> read(JsonNode rest, Path file, String object, String legacyId,
            Optional<String> sourceName, Map<String, String> values, Function<String, String> environment,
            ConfigurationProblems problems) {
        RestSourceKeys keys = new RestSourceKeys(file, environment);
        Optional<RestSource> source = keys.read(rest, object, legacyId, sourceName, values);
        keys.found.forEach(problem -> problems.add(file, problem));
        return keys.found.isEmpty() ? source : Optional.empty();
    }

    private Optional<RestSource> read(JsonNode rest, String object, String legacyId, Optional<String> sourceName,
            Map<String, String> values) {
        if (!rest.isObject()) {
            found.add("rest: expected the keys " + KEYS);
            return Optional.empty();
        }
        unknownKeys(rest, "rest", KEYS);
        URI url = url(rest.get("url"));
        JsonPath records = jsonPath(rest.get("records"), "rest.records");
        RestSource.Paging paging = paging(rest.get("paging"));
        Optional<RestSource.Auth> auth = auth(rest.get("auth"));
        RestSource.Retry retry = retry(rest.get("retry"));
        Optional<Double> requestsPerSecond = requestsPerSecond(rest.get("requestsPerSecond"));
        Optional<RestSource.Incremental> incremental = incremental(rest.get("incremental"));
        Optional<RestSource.WriteBack> writeBack = writeBack(rest.get("writeBack"), url);
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RestSource(file, object, legacyId, url, records, paging, auth, retry, requestsPerSecond,
                incremental, writeBack, sourceName, values));
    }

    private URI url(JsonNode value) {
        return url(value, "rest.url");
    }

    private URI url(JsonNode value, String key) {
        String text = text(value, key);
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
        found.add(key + ": '" + text + "' is not an http or https URL");
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
            found.add("rest.paging: missing (expected {style: <" + PAGING_STYLES + ">, …})");
            return null;
        }
        String style = text(paging.get("style"), "rest.paging.style");
        if ("offset".equals(style)) {
            unknownKeys(paging, "rest.paging", List.of("style", "limit", "offsetParameter", "limitParameter"));
            int limit = pageSize(paging.get("limit"), "rest.paging.limit").orElse(100);
            return new RestSource.OffsetPaging(limit, optionalText(paging, "offsetParameter", "offset"),
                    optionalText(paging, "limitParameter", "limit"));
        }
        if ("page".equals(style)) {
            unknownKeys(paging, "rest.paging", List.of("style", "pageParameter", "firstPage", "size", "sizeParameter",
                    "total"));
            JsonNode first = paging.get("firstPage");
            int firstPage = 1;
            if (first != null && !(first.isIntegralNumber() && first.canConvertToInt() && first.asInt() >= 0)) {
                found.add("rest.paging.firstPage: '" + first.asText() + "' is not a page number (0 or more)");
            } else if (first != null) {
                firstPage = first.asInt();
            }
            JsonNode total = paging.get("total");
            return new RestSource.PageNumberPaging(optionalText(paging, "pageParameter", "page"), firstPage,
                    pageSize(paging.get("size"), "rest.paging.size"), optionalText(paging, "sizeParameter", "page_size"),
                    total == null ? Optional.empty() : Optional.ofNullable(jsonPath(total, "rest.paging.total")));
        }
        if ("cursor".equals(style)) {
            unknownKeys(paging, "rest.paging", List.of("style", "cursor", "cursorParameter"));
            return new RestSource.CursorPaging(jsonPath(paging.get("cursor"), "rest.paging.cursor"),
                    optionalText(paging, "cursorParameter", "cursor"));
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
            found.add("rest.paging.style: '" + style + "' is not " + PAGING_STYLES);
        }
        return null;
    }

    private Optional<Integer> pageSize(JsonNode value, String key) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 1) {
            return Optional.of(value.asInt());
        }
        found.add(key + ": '" + value.asText() + "' is not a number of records (1 or more)");
        return Optional.empty();
    }

    private Optional<RestSource.Auth> auth(JsonNode auth) {
        if (auth == null) {
            return Optional.empty();
        }
        String kind = auth.isObject() && auth.size() == 1 ? auth.fieldNames().next() : "";
        JsonNode value = auth.get(kind);
        if (kind.equals("bearer")) {
            String token = secret(value, "rest.auth.bearer");
            return token == null ? Optional.empty() : Optional.of(RestSource.HeaderAuth.bearer(token));
        }
        if (kind.equals("basic") && value.isObject()) {
            unknownKeys(value, "rest.auth.basic", List.of("username", "password"));
            String username = secret(value.get("username"), "rest.auth.basic.username");
            String password = secret(value.get("password"), "rest.auth.basic.password");
            if (username == null || password == null) {
                return Optional.empty();
            }
            return Optional.of(new RestSource.HeaderAuth(Authorization.HEADER,
                    new RestSource.Secret(Authorization.basic(username, password))));
        }
        if (kind.equals("apiKey") && value.isObject()) {
            unknownKeys(value, "rest.auth.apiKey", List.of("header", "value"));
            String header = text(value.get("header"), "rest.auth.apiKey.header");
            if (header != null && !HEADER_NAME.matcher(header).matches()) {
                found.add("rest.auth.apiKey.header: '" + header + "' is not an HTTP header name (e.g. X-API-Key)");
            }
            String key = secret(value.get("value"), "rest.auth.apiKey.value");
            return header == null || key == null ? Optional.empty()
                    : Optional.of(new RestSource.HeaderAuth(header, new RestSource.Secret(key)));
        }
        if (kind.equals("oauth2") && value.isObject()) {
            unknownKeys(value, "rest.auth.oauth2", List.of("tokenUrl", "clientId", "clientSecret", "scope"));
            URI tokenUrl = url(value.get("tokenUrl"), "rest.auth.oauth2.tokenUrl");
            String clientId = secret(value.get("clientId"), "rest.auth.oauth2.clientId");
            String clientSecret = secret(value.get("clientSecret"), "rest.auth.oauth2.clientSecret");
            Optional<String> scope = value.has("scope")
                    ? Optional.ofNullable(text(value.get("scope"), "rest.auth.oauth2.scope")) : Optional.empty();
            if (tokenUrl == null || clientId == null || clientSecret == null) {
                return Optional.empty();
            }
            return Optional.of(new RestSource.OAuth2ClientCredentials(tokenUrl, new RestSource.Secret(clientId),
                    new RestSource.Secret(clientSecret), scope));
        }
        found.add("rest.auth: expected one of {bearer: <token>}, {basic: {username: <name>, password: <password>}}, "
                + "{apiKey: {header: <name>, value: <key>}}, "
                + "{oauth2: {tokenUrl: <url>, clientId: <id>, clientSecret: <secret>, scope: <optional>}}");
        return Optional.empty();
    }

    /** A credential: written as ${env:NAME}, or literally ({@link Secrets}). */
    private String secret(JsonNode value, String key) {
        String text = text(value, key);
        return text == null ? null : Secrets.resolve(text, environment, problem -> found.add(key + ": " + problem)).orElse(null);
    }

    private RestSource.Retry retry(JsonNode retry) {
        RestSource.Retry defaults = RestSource.Retry.DEFAULT;
        if (retry == null) {
            return defaults;
        }
        unknownKeys(retry, "rest.retry", List.of("attempts", "backoff", "timeout"));
        int attempts = defaults.attempts();
        JsonNode attemptsValue = retry.get("attempts");
        if (attemptsValue != null && attemptsValue.isIntegralNumber() && attemptsValue.canConvertToInt()
                && attemptsValue.asInt() >= 1) {
            attempts = attemptsValue.asInt();
        } else if (attemptsValue != null) {
            found.add("rest.retry.attempts: '" + attemptsValue.asText() + "' is not a number of calls (1 or more)");
        }
        return new RestSource.Retry(attempts, duration(retry.get("backoff"), "rest.retry.backoff", defaults.backoff()),
                duration(retry.get("timeout"), "rest.retry.timeout", defaults.timeout()));
    }

    private Duration duration(JsonNode value, String key, Duration defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        Matcher duration = DURATION.matcher(value.asText());
        if (!duration.matches()) {
            found.add(key + ": '" + value.asText() + "' is not a duration (e.g. 500ms, 2s)");
            return defaultValue;
        }
        long amount = Long.parseLong(duration.group(1));
        return duration.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    }

    private Optional<Double> requestsPerSecond(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNumber() && value.asDouble() > 0) {
            return Optional.of(value.asDouble());
        }
        found.add("rest.requestsPerSecond: '" + value.asText() + "' is not a number of calls per second above 0 "
                + "(e.g. 5, or 0.5 for one call every 2 seconds)");
        return Optional.empty();
    }

    private Optional<RestSource.Incremental> incremental(JsonNode incremental) {
        if (incremental == null) {
            return Optional.empty();
        }
        if (!incremental.isObject()) {
            found.add("rest.incremental: expected {parameter: <query parameter>, field: <record field>}");
            return Optional.empty();
        }
        unknownKeys(incremental, "rest.incremental", List.of("parameter", "field", "deleted"));
        String parameter = text(incremental.get("parameter"), "rest.incremental.parameter");
        String field = text(incremental.get("field"), "rest.incremental.field");
        Optional<String> deleted = incremental.has("deleted")
                ? Optional.ofNullable(text(incremental.get("deleted"), "rest.incremental.deleted")) : Optional.empty();
        return parameter == null || field == null ? Optional.empty()
                : Optional.of(new RestSource.Incremental(parameter, field, deleted));
    }

    /** {@code writeBack: {read: GET <url>/{id}, create: POST <url>, update: PATCH <url>/{id}, delete: DELETE <url>/{id}}}. */
    private Optional<RestSource.WriteBack> writeBack(JsonNode writeBack, URI sourceUrl) {
        if (writeBack == null) {
            return Optional.empty();
        }
        if (!writeBack.isObject()) {
            found.add("rest.writeBack: expected {read: GET <url>/{id}, create: POST <url>, update: PATCH <url>/{id}, "
                    + "delete: DELETE <url>/{id}}");
            return Optional.empty();
        }
        unknownKeys(writeBack, "rest.writeBack", WRITE_BACK_KEYS);
        RestSource.Call read = call(writeBack.get("read"), "rest.writeBack.read", true, sourceUrl);
        // of an object's several sources, the one records created in the target go to has create
        Optional<RestSource.Call> create = writeBack.has("create")
                ? Optional.ofNullable(call(writeBack.get("create"), "rest.writeBack.create", false, sourceUrl))
                : Optional.empty();
        RestSource.Call update = call(writeBack.get("update"), "rest.writeBack.update", true, sourceUrl);
        RestSource.Call delete = call(writeBack.get("delete"), "rest.writeBack.delete", true, sourceUrl);
        return read == null || update == null || delete == null || writeBack.has("create") && create.isEmpty()
                ? Optional.empty() : Optional.of(new RestSource.WriteBack(read, create, update, delete));
    }

    private RestSource.Call call(JsonNode value, String key, boolean needsId, URI sourceUrl) {
        String text = text(value, key);
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split("\\s+", 2);
        if (parts.length != 2 || !METHODS.contains(parts[0])) {
            found.add(key + ": '" + text + "' is not a call (expected a method of " + METHODS + " and a URL)");
            return null;
        }
        URI url = url(TextNode.valueOf(parts[1].replace("{id}", "0")), key);
        if (url == null) {
            return null;
        }
        if (needsId != parts[1].contains("{id}")) {
            found.add(key + ": '" + text + "' " + (needsId ? "needs {id} where the legacy id goes" : "has no record's id to take"));
            return null;
        }
        if (sourceUrl != null && !url.getRawAuthority().equalsIgnoreCase(sourceUrl.getRawAuthority())) {
            // the source's credential goes only to the source's own server
            found.add(key + ": '" + text + "' is not on the source's server (" + sourceUrl.getRawAuthority() + ")");
            return null;
        }
        return new RestSource.Call(parts[0], parts[1]);
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
}
