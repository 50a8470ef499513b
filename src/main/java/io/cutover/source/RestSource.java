package io.cutover.source;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One export of the legacy CRM read from its REST API, as its description file says: the first page's URL, where the
 * records are in a page, how the API pages, how to authenticate and how often to retry.
 *
 * @param authorization the value of the Authorization header every call sends; empty for an open API
 */
public record RestSource(Path description, String object, String legacyIdColumn, URI url, JsonPath records,
        Paging paging, Optional<Secret> authorization, Retry retry) {

    /** How the API hands out the next page. */
    public sealed interface Paging permits OffsetPaging, NextLinkPaging {
    }

    /** {@code ?offset=0&limit=200}, then offset 200, 400, …; a page with fewer than {@code limit} records is the last. */
    public record OffsetPaging(int limit, String offsetParameter, String limitParameter) implements Paging {
    }

    /**
     * Each page names the next one's URL: in the body at {@code next}, or, when {@code next} is empty, in a
     * {@code Link: <url>; rel="next"} header. No next URL: that page is the last.
     */
    public record NextLinkPaging(Optional<JsonPath> next) implements Paging {
    }

    /**
     * A call answered 429 waits as its Retry-After says, one answered 5xx (or not answered) waits {@code backoff}, then
     * twice as long each next time; after {@code attempts} calls the export fails.
     */
    public record Retry(int attempts, Duration backoff) {
        public static final Retry DEFAULT = new Retry(5, Duration.ofSeconds(1));
    }

    /** A credential, kept out of toString() so that it never reaches a log line or an error message. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "Secret[***]";
        }
    }
}
