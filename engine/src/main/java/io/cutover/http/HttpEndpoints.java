package io.cutover.http;

import java.net.URI;
import java.time.Duration;

/**
 * camel-http endpoints: one per server, each call naming its URL in the CamelHttpUri and CamelHttpQuery headers. An
 * answer of any status comes back as an answer, for the caller to judge and retry as its description says; HttpClient's
 * own retries are off (camel.component.http.automatic-retries-disabled), so that no retry goes uncounted.
 */
public final class HttpEndpoints {

    private HttpEndpoints() {
    }

    /** The endpoint for {@code server}'s scheme and authority, with the time a call may take to connect and to be answered. */
    public static String forServer(URI server, Duration timeout) {
        return server.getScheme() + "://" + server.getRawAuthority() + "?throwExceptionOnFailure=false&connectTimeout="
                + timeout.toMillis() + "&responseTimeout=" + timeout.toMillis();
    }

    /** The URL without its query, for the CamelHttpUri header; the query goes in CamelHttpQuery. */
    public static String withoutQuery(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
