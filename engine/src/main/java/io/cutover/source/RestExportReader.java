package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.cutover.state.WatermarkOrder;
import java.io.Closeable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one REST export as a stream of {@link SourceRecord}s for the route's splitter, one page in memory at a time:
 * the next page is fetched when the splitter has taken every record of the current one. A page that cannot be fetched
 * (after the retries) stops the export with a {@link RestExportException} naming its URL.
 *
 * <p>Given a watermark, it asks only for the records changed since ({@code rest.incremental}), and notes the highest
 * change marker it reads, for the watermark to advance to once the read has completed.
 */
public final class RestExportReader implements Iterator<SourceRecord>, Closeable, SkipsAhead {

    private static final Configuration JACKSON = Configuration.builder().jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider()).options(Option.SUPPRESS_EXCEPTIONS).build();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

    private final RestSource source;
    private final RestPages pages;
    /** The first page's URL with the incremental parameter: every page of offset, page and cursor paging starts from it. */
    private String baseUrl;
    private String nextUrl;
    private RestPages.Page page;
    private long pageNumber;
    /** Pages and records read from {@link #baseUrl}: the offset and page number of the next page count from it. */
    private long pagesFromBase;
    private long recordsFromBase;
    /** Reading changes from the last change seen, page after page (see {@link #changesSince}). */
    private final boolean fromLastChange;
    private final long recordsBefore;
    /** The change marker the pages are read from, and the highest marker on the current page. */
    private String readingSince;
    private String highestOnPage;
    private Iterator<JsonNode> onPage = Collections.emptyIterator();
    private long position;
    private long recordNumber;
    private String highestSeen;
    /**
     * The failure that stopped the read. Camel's splitter walks the reader once more after the split failed, to release
     * its exchanges: asking for the failed page again there would repeat every attempt and end in a second, confusing
     * report ("Error releasing exchange"). The read stays failed instead.
     */
    private RestExportException failure;

    /** @param watermark the highest change marker of the last complete read; empty: read the whole export */
    public RestExportReader(RestSource source, RestPages pages, Optional<String> watermark) {
        this(source, pages, watermark, false, 0);
    }

    /** The same, numbering its records from {@code recordsBefore} + 1 (after the sync queue's). */
    public RestExportReader(RestSource source, RestPages pages, Optional<String> watermark, long recordsBefore) {
        this(source, pages, watermark, false, recordsBefore);
    }

    /**
     * The changes since {@code since}, as the cutover sync reads them: each page is asked for as the first page of the
     * changes since the highest marker of the page before, not by its offset or number. A record changed while the
     * pages are read moves to the end of the changes; with offsets, every record after it would shift back by one and
     * one of them would never be read. Records changed at that very marker are read twice (the ledger keeps one).
     * Numbers its records from {@code recordsBefore} + 1.
     */
    public static RestExportReader changesSince(RestSource source, RestPages pages, Optional<String> since,
            long recordsBefore) {
        return new RestExportReader(source, pages, since, true, recordsBefore);
    }

    private RestExportReader(RestSource source, RestPages pages, Optional<String> watermark, boolean fromLastChange,
            long recordsBefore) {
        this.source = source;
        this.pages = pages;
        this.fromLastChange = fromLastChange && source.incremental().isPresent();
        this.recordNumber = recordsBefore;
        this.recordsBefore = recordsBefore;
        this.readingSince = watermark.orElse(null);
        this.baseUrl = urlSince(readingSince);
        this.nextUrl = firstPageUrl();
    }

    private String urlSince(String marker) {
        String url = source.url().toString();
        return marker == null || source.incremental().isEmpty() ? url
                : withParameter(url, source.incremental().get().parameter(), marker);
    }

    @Override
    public boolean hasNext() {
        if (failure != null) {
            return false;
        }
        try {
            while (!onPage.hasNext() && nextUrl != null) {
                fetch(fromLastChange ? restartedFromLastChange() : nextUrl);
            }
        } catch (RestExportException e) {
            failure = e;
            throw e;
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
        Map<String, String> values = source.withValues(values(record));
        source.incremental().map(incremental -> values.get(incremental.field())).filter(marker -> !marker.isBlank())
                .ifPresent(marker -> {
                    highestSeen = WatermarkOrder.INSTANCE.later(highestSeen, marker);
                    highestOnPage = WatermarkOrder.INSTANCE.later(highestOnPage, marker);
                });
        String legacyId = values.get(source.legacyIdColumn());
        SourceRecord read = SourceRecord.fromPage(source.object(), legacyId == null || legacyId.isBlank() ? null : legacyId,
                page.url(), pageNumber, position, recordNumber, values);
        return source.source().map(read::fromSource).orElse(read);
    }

    /**
     * Goes past the whole pages of records an interrupted attempt staged (numbered up to {@code lastStaged}) without
     * asking for them, where the paging addresses a page by itself: offsets, or page numbers of a known size. Not for
     * a cursor or a next link, which only the page before tells, nor for an incremental source, whose watermark is the
     * highest change among all the records read.
     */
    @Override
    public long skipAhead(long lastStaged) {
        long pageSize = source.paging() instanceof RestSource.OffsetPaging offset ? offset.limit()
                : source.paging() instanceof RestSource.PageNumberPaging pageNumbers ? pageNumbers.size().orElse(0) : 0;
        if (page != null || fromLastChange || source.incremental().isPresent() || pageSize <= 0) {
            return 0;
        }
        long pagesPast = (lastStaged - recordsBefore) / pageSize;
        if (pagesPast <= 0) {
            return 0;
        }
        pageNumber = pagesPast;
        pagesFromBase = pagesPast;
        recordsFromBase = pagesPast * pageSize;
        recordNumber += recordsFromBase;
        nextUrl = source.paging() instanceof RestSource.OffsetPaging offset ? offsetUrl(offset, recordsFromBase)
                : pageUrl((RestSource.PageNumberPaging) source.paging(),
                        ((RestSource.PageNumberPaging) source.paging()).firstPage() + pagesPast);
        return recordsFromBase;
    }

    /** Whether every page has been read, to the last one: only then may the watermark advance. */
    public boolean completed() {
        return failure == null && nextUrl == null && !onPage.hasNext();
    }

    public long recordsRead() {
        return recordNumber - recordsBefore;
    }

    /** The number of the last record read (of the records it was numbered after, before the first). */
    long lastRecordNumber() {
        return recordNumber;
    }

    /** The highest value of the incremental field among the records read; empty without rest.incremental. */
    public Optional<String> highestSeen() {
        return Optional.ofNullable(highestSeen);
    }

    /** Nothing to release: each page's connection is closed once the page is read. */
    @Override
    public void close() {
    }

    /**
     * The next page as the first page of the changes since the highest marker of the page just read; the API's own
     * next page when that page's changes all share the marker it was read from (there is no other way past them).
     */
    private String restartedFromLastChange() {
        if (page == null || highestOnPage == null
                || readingSince != null && WatermarkOrder.INSTANCE.compare(highestOnPage, readingSince) <= 0) {
            return nextUrl;
        }
        readingSince = highestOnPage;
        baseUrl = urlSince(readingSince);
        pagesFromBase = 0;
        recordsFromBase = 0;
        return firstPageUrl();
    }

    private void fetch(String url) {
        page = pages.get(url);
        pageNumber++;
        pagesFromBase++;
        position = 0;
        highestOnPage = null;
        Object records = JsonPath.using(JACKSON).parse(page.body()).read(source.records());
        if (!(records instanceof ArrayNode)) {
            throw new RestExportException("GET " + url + ": rest.records " + source.records().getPath() + " is not an "
                    + "array in the answer (" + source.description() + ")");
        }
        ArrayNode array = (ArrayNode) records;
        onPage = array.elements();
        nextUrl = nextPageUrl(url, array.size());
        if (url.equals(nextUrl)) {
            throw new RestExportException("GET " + url + ": the answer points at the same page again; the export would "
                    + "never end (" + source.description() + ")");
        }
    }

    private String firstPageUrl() {
        if (source.paging() instanceof RestSource.OffsetPaging offset) {
            return offsetUrl(offset, 0);
        }
        if (source.paging() instanceof RestSource.PageNumberPaging pageNumbers) {
            return pageUrl(pageNumbers, pageNumbers.firstPage());
        }
        return baseUrl;
    }

    /** The URL of the page after the one just read from {@code url}, or null when it was the last. */
    private String nextPageUrl(String url, int recordsOnPage) {
        recordsFromBase += recordsOnPage;
        long readSoFar = recordsFromBase;
        if (source.paging() instanceof RestSource.OffsetPaging offset) {
            return recordsOnPage < offset.limit() ? null : offsetUrl(offset, readSoFar);
        }
        if (source.paging() instanceof RestSource.PageNumberPaging pageNumbers) {
            boolean last = recordsOnPage == 0 || pageNumbers.size().map(size -> recordsOnPage < size).orElse(false)
                    || pageNumbers.total().map(total -> readSoFar >= number(find(total), Long.MAX_VALUE)).orElse(false);
            return last ? null : pageUrl(pageNumbers, pageNumbers.firstPage() + pagesFromBase);
        }
        if (source.paging() instanceof RestSource.CursorPaging cursor) {
            String token = text(find(cursor.cursor()));
            return token.isEmpty() ? null : withParameter(baseUrl, cursor.cursorParameter(), token);
        }
        RestSource.NextLinkPaging nextLink = (RestSource.NextLinkPaging) source.paging();
        String next = nextLink.next().isPresent() ? text(find(nextLink.next().get())) : linkHeaderNext(page.linkHeader());
        // A relative next link is relative to the page that named it.
        return next == null || next.isBlank() ? null : URI.create(url).resolve(next).toString();
    }

    /** The value at a JSONPath of the current page; null when the page has none there. */
    private JsonNode find(JsonPath path) {
        Object found = JsonPath.using(JACKSON).parse(page.body()).read(path);
        return found instanceof JsonNode node ? node : null;
    }

    private String offsetUrl(RestSource.OffsetPaging paging, long offset) {
        return withParameter(withParameter(baseUrl, paging.offsetParameter(), String.valueOf(offset)),
                paging.limitParameter(), String.valueOf(paging.limit()));
    }

    private String pageUrl(RestSource.PageNumberPaging paging, long number) {
        String url = withParameter(baseUrl, paging.pageParameter(), String.valueOf(number));
        return paging.size().map(size -> withParameter(url, paging.sizeParameter(), String.valueOf(size))).orElse(url);
    }

    static String withParameter(String url, String name, String value) {
        return url + (URI.create(url).getRawQuery() == null ? "?" : "&") + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String linkHeaderNext(String header) {
        if (header == null) {
            return null;
        }
        Matcher next = NEXT_LINK.matcher(header);
        return next.find() ? next.group(1) : null;
    }

    private static long number(JsonNode value, long absent) {
        return value != null && value.canConvertToLong() ? value.asLong() : absent;
    }

    /** A record of the API as the values the mapping reads, by field (the reverse sync reads its writes' answers so too). */
    public static Map<String, String> values(JsonNode record) {
        Map<String, String> values = new LinkedHashMap<>();
        record.fields().forEachRemaining(field -> values.put(field.getKey(), text(field.getValue())));
        return values;
    }

    /** A JSON value as the text the mapping reads: null (or none) as empty, a nested object or array as its JSON. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
