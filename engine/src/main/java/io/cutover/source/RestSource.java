package io.cutover.source;

import com.jayway.jsonpath.JsonPath;
import io.cutover.http.Authorization;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One export of the legacy CRM read from its REST API, as its description file says: the first page's URL, where the
 * records are in a page, how the API pages, how to authenticate, how fast and how often to call, and which parameter
 * asks only for the records changed since the last read.
 *
 * @param auth how every call authenticates; empty for an open API
 * @param requestsPerSecond the most calls one read makes per second; empty: as fast as the API answers
 * @param writeBack the calls that read and write one record, for the reverse sync; empty: the API is only read
 * @param source the name of the legacy system the API belongs to ({@code source: eu}), which namespaces its legacy ids
 *        ({@code eu:ACC1}) so that the ids of several systems serving one object never collide; empty for an object's
 *        one REST source, its legacy ids as they are
 * @param values the constant columns added to every record ({@code values: {country: France}}), where the record has
 *        no field of that name
 */
public record RestSource(Path description, String object, String legacyIdColumn, URI url, JsonPath records,
        Paging paging, Optional<Auth> auth, Retry retry, Optional<Double> requestsPerSecond,
        Optional<Incremental> incremental, Optional<WriteBack> writeBack, Optional<String> source,
        Map<String, String> values) {

    /** An object's one REST source: no source name, no constant columns. */
    public RestSource(Path description, String object, String legacyIdColumn, URI url, JsonPath records,
            Paging paging, Optional<Auth> auth, Retry retry, Optional<Double> requestsPerSecond,
            Optional<Incremental> incremental, Optional<WriteBack> writeBack) {
        this(description, object, legacyIdColumn, url, records, paging, auth, retry, requestsPerSecond, incremental,
                writeBack, Optional.empty(), Map.of());
    }

    /**
     * The watermark stream of this source's changes (see {@code io.cutover.state.Watermarks}): {@code source/<object>},
     * or {@code source/<object>/<source name>} for one of several sources, so that one system's watermark never skips
     * another's changes.
     */
    public String watermarkStream() {
        return "source/" + object + source.map(name -> "/" + name).orElse("");
    }

    /** The legacy id as this source's records have it: {@code eu:ACC1} for a named source, the id as read otherwise. */
    public String namespaced(String legacyId) {
        return legacyId == null || source.isEmpty() ? legacyId : source.get() + ":" + legacyId;
    }

    /**
     * The legacy id as this source's API knows it: {@code ACC1} for {@code eu:ACC1}. Null when the id is not one of this
     * source's (another namespace).
     */
    public String ownId(String legacyId) {
        if (legacyId == null || source.isEmpty()) {
            return legacyId;
        }
        String prefix = source.get() + ":";
        return legacyId.startsWith(prefix) ? legacyId.substring(prefix.length()) : null;
    }

    /** The record's fields as the mapping reads them: its own, then the constant columns it has no field for. */
    public Map<String, String> withValues(Map<String, String> fields) {
        values.forEach(fields::putIfAbsent);
        return fields;
    }

    /** The source's name for messages: its description file, and its source name when it has one. */
    public String name() {
        return source.map(name -> "source " + name + " (" + description + ")").orElse(description.toString());
    }

    /** How the API hands out the next page. */
    public sealed interface Paging permits OffsetPaging, PageNumberPaging, CursorPaging, NextLinkPaging {
    }

    /** {@code ?offset=0&limit=200}, then offset 200, 400, …; a page with fewer than {@code limit} records is the last. */
    public record OffsetPaging(int limit, String offsetParameter, String limitParameter) implements Paging {
    }

    /**
     * {@code ?page=1}, then 2, 3, …: an empty page is the last; so is a page with fewer than {@code size} records when
     * the size is known, and the page that brings the records read to the {@code total} the answer states.
     *
     * @param size records per page, sent as {@code sizeParameter}; empty: the API's own page size, not sent
     * @param total where a page states how many records there are in all; empty: the API does not say
     */
    public record PageNumberPaging(String pageParameter, int firstPage, Optional<Integer> size, String sizeParameter,
            Optional<JsonPath> total) implements Paging {
    }

    /**
     * Each page holds an opaque token for the next one at {@code cursor}, sent back as {@code cursorParameter}; no token
     * (missing, null or empty): that page is the last.
     */
    public record CursorPaging(JsonPath cursor, String cursorParameter) implements Paging {
    }

    /**
     * Each page names the next one's URL: in the body at {@code next}, or, when {@code next} is empty, in a
     * {@code Link: <url>; rel="next"} header. No next URL: that page is the last.
     */
    public record NextLinkPaging(Optional<JsonPath> next) implements Paging {
    }

    /** How calls authenticate. */
    public sealed interface Auth permits HeaderAuth, OAuth2ClientCredentials {
    }

    /** The same header on every call: {@code Authorization: Bearer …}, {@code Authorization: Basic …}, an API key. */
    public record HeaderAuth(String header, Secret value) implements Auth {

        public static HeaderAuth bearer(String token) {
            return new HeaderAuth(Authorization.HEADER, new Secret(Authorization.bearer(token)));
        }
    }

    /**
     * OAuth2 client credentials: a token from {@code tokenUrl}, asked for with the client's id and secret, sent as a
     * bearer token until it expires or the API refuses it ({@link AccessTokens}).
     */
    public record OAuth2ClientCredentials(URI tokenUrl, Secret clientId, Secret clientSecret, Optional<String> scope)
            implements Auth {
    }

    /**
     * A call answered 429 waits as its Retry-After says, one answered 5xx, not answered within {@code timeout} or not
     * answered at all waits {@code backoff}, then twice as long each next time; after {@code attempts} calls the export
     * fails.
     */
    public record Retry(int attempts, Duration backoff, Duration timeout) {
        public static final Retry DEFAULT = new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /**
     * Change capture: {@code parameter=<watermark>} asks the API for the records changed since the watermark, the
     * highest value of {@code field} an earlier complete read saw. {@code deleted} names the field that flags a record
     * deleted in the legacy CRM (a soft delete, sent as a change): the cutover sync applies it as a deletion.
     */
    public record Incremental(String parameter, String field, Optional<String> deleted) {

        public ChangeColumns columns() {
            return new ChangeColumns(field, deleted);
        }
    }

    /**
     * How the reverse sync reads and writes one record of the legacy CRM (docs/cutover.md): each a method and a URL on
     * the source's server, with {@code {id}} standing for the legacy id. Calls authenticate and retry as the source's.
     *
     * @param create where records created in the target are created; of an object's several sources, one has it
     */
    public record WriteBack(Call read, Optional<Call> create, Call update, Call delete) {
    }

    /** One call: {@code PATCH http://crm/api/accounts/{id}}. */
    public record Call(String method, String url) {

        /** The URL with the legacy id in place of {@code {id}}, encoded as a path segment. */
        public String url(String legacyId) {
            return legacyId == null ? url : url.replace("{id}",
                    java.net.URLEncoder.encode(legacyId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }

        @Override
        public String toString() {
            return method + " " + url;
        }
    }

    /** A credential, kept out of toString() so that it never reaches a log line or an error message. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "Secret[***]";
        }
    }
}
