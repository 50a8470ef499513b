package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one REST export as a stream of {@link SourceRecord}s for the route's splitter, one page in memory at a time:
 * the next page is fetched when the splitter has taken every record of the current one. A page that cannot be fetched
 * (after the retries) stops the export with an exception naming its URL.
 */
public final class RestExportReader implements Iterator<SourceRecord>, Closeable {

    private static final Configuration JACKSON = Configuration.builder().jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider()).options(Option.SUPPRESS_EXCEPTIONS).build();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

    private final RestSource source;
    private final RestPages pages;
    private String nextUrl;
    private RestPages.Page page;
    private long pageNumber;
    private Iterator<JsonNode> onPage = java.util.Collections.emptyIterator();
    private long position;
    private long recordNumber;

    public RestExportReader(RestSource source, RestPages pages) {
        this.source = source;
        this.pages = pages;
        this.nextUrl = firstPageUrl(source);
    }

    @Override
    public boolean hasNext() {
        while (!onPage.hasNext() && nextUrl != null) {
            fetch(nextUrl);
        }
        return onPage.hasNext();
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException(source.url() + " has no more records");
        }
        JsonNode record = onPage.next();
        position++;
        recordNumber++;
        Map<String, String> values = new LinkedHashMap<>();
        record.fields().forEachRemaining(field -> values.put(field.getKey(), text(field.getValue())));
        String legacyId = values.get(source.legacyIdColumn());
        return SourceRecord.fromPage(source.object(), legacyId == null || legacyId.isBlank() ? null : legacyId,
                page.url(), pageNumber, position, recordNumber, values);
    }

    /** Nothing to release: each page's connection is closed once the page is read. */
    @Override
    public void close() {
    }

    private void fetch(String url) {
        try {
            page = pages.get(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pageNumber++;
        position = 0;
        Object records = JsonPath.using(JACKSON).parse(page.body()).read(source.records());
        if (!(records instanceof ArrayNode)) {
            throw new IllegalStateException("GET " + url + ": rest.records " + source.records().getPath() + " of "
                    + source.description() + " is not an array in the answer");
        }
        ArrayNode array = (ArrayNode) records;
        onPage = array.elements();
        nextUrl = nextPageUrl(url, array.size());
    }

    private String nextPageUrl(String url, int recordsOnPage) {
        if (source.paging() instanceof RestSource.OffsetPaging) {
            RestSource.OffsetPaging offset = (RestSource.OffsetPaging) source.paging();
            return recordsOnPage < offset.limit() ? null : offsetUrl(offset, recordNumber + recordsOnPage);
        }
        RestSource.NextLinkPaging nextLink = (RestSource.NextLinkPaging) source.paging();
        String next;
        if (nextLink.next().isPresent()) {
            Object found = JsonPath.using(JACKSON).parse(page.body()).read(nextLink.next().get());
            next = found instanceof JsonNode && ((JsonNode) found).isTextual() ? ((JsonNode) found).asText() : null;
        } else {
            next = linkHeaderNext(page.linkHeader());
        }
        // A relative next link is relative to the page that named it.
        return next == null || next.isBlank() ? null : URI.create(url).resolve(next).toString();
    }

    private String firstPageUrl(RestSource source) {
        if (source.paging() instanceof RestSource.OffsetPaging) {
            return offsetUrl((RestSource.OffsetPaging) source.paging(), 0);
        }
        return source.url().toString();
    }

    private String offsetUrl(RestSource.OffsetPaging paging, long offset) {
        String url = source.url().toString();
        return url + (source.url().getRawQuery() == null ? "?" : "&") + paging.offsetParameter() + "=" + offset + "&"
                + paging.limitParameter() + "=" + paging.limit();
    }

    static String linkHeaderNext(String header) {
        if (header == null) {
            return null;
        }
        Matcher next = NEXT_LINK.matcher(header);
        return next.find() ? next.group(1) : null;
    }

    /** A JSON value as the text the mapping reads: null as empty, a nested object or array as its JSON. */
    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
