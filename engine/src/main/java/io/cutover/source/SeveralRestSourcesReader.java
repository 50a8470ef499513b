package io.cutover.source;

import java.io.Closeable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

/**
 * The REST sources of one object read one after another, in the catalog's order, as one stream of records: each
 * source's read starts when the one before is done, and the record numbers go on from one source to the next, so that
 * a record's number stays unique within its object's run. A failed read ends the stream: the sources after it are not
 * read (Camel's splitter walks a failed reader once more, which must not start the next source's read).
 */
final class SeveralRestSourcesReader implements Iterator<SourceRecord>, Closeable, SkipsAhead {

    private final Iterator<RestSource> sources;
    private final int sourceCount;
    /** Opens a source's read, numbering its records after the given number. */
    private final BiFunction<RestSource, Long, RestExportReader> open;
    private final Map<RestSource, RestExportReader> opened = new LinkedHashMap<>();
    private RestExportReader current;
    private long numberedSoFar;
    private boolean failed;

    SeveralRestSourcesReader(List<RestSource> sources, long recordsBefore,
            BiFunction<RestSource, Long, RestExportReader> open) {
        this.sources = sources.iterator();
        this.sourceCount = sources.size();
        this.open = open;
        this.numberedSoFar = recordsBefore;
    }

    @Override
    public boolean hasNext() {
        if (failed) {
            return false;
        }
        try {
            while (current == null || !current.hasNext()) {
                if (!sources.hasNext()) {
                    return false;
                }
                if (current != null) {
                    numberedSoFar = current.lastRecordNumber();
                }
                RestSource source = sources.next();
                current = open.apply(source, numberedSoFar);
                opened.put(source, current);
            }
            return true;
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the REST sources have no more records");
        }
        return current.next();
    }

    /**
     * Only an object's one source goes past pages unread: a source after another is numbered after the last record of
     * the one before, which only reading that one tells.
     */
    @Override
    public long skipAhead(long lastStaged) {
        if (current != null || sourceCount != 1) {
            return 0;
        }
        RestSource only = sources.next();
        current = open.apply(only, numberedSoFar);
        opened.put(only, current);
        return current.skipAhead(lastStaged);
    }

    /** Each source's read started so far, by source, in the order they were read. */
    Map<RestSource, RestExportReader> reads() {
        return opened;
    }

    /** Nothing to release: each page's connection is closed once the page is read. */
    @Override
    public void close() {
    }
}
