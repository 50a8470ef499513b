package io.cutover.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An object's export as an attempt at a run reads it: past the records an interrupted attempt at the same run staged
 * already, which are read but not handed on (not mapped, checked, enriched nor staged again), then the rest. Staging
 * commits whole chunks in the export's order, so the records up to the last one staged all have their outcome; the
 * record numbers stay those of the export, which key what was staged. A first attempt skips nothing. A REST export
 * that addresses its pages by offset or number is not even asked for the pages wholly staged ({@link SkipsAhead}).
 *
 * <p>It counts every record of the export it went through, skipped or handed on: the run's records read.
 */
public final class ResumedRead implements Iterator<SourceRecord>, Closeable {

    private final Iterator<SourceRecord> export;
    private final long lastStaged;
    private long skipped;
    private long handedOn;
    private SourceRecord next;

    /** @param lastStaged the highest record number of the object an earlier attempt at the run staged; 0 for none */
    public ResumedRead(Iterator<SourceRecord> export, long lastStaged) {
        this.export = export;
        this.lastStaged = lastStaged;
        this.skipped = lastStaged > 0 && export instanceof SkipsAhead paged ? paged.skipAhead(lastStaged) : 0;
    }

    @Override
    public boolean hasNext() {
        while (next == null && export.hasNext()) {
            SourceRecord record = export.next();
            if (record.recordNumber() <= lastStaged) {
                skipped++;
            } else {
                next = record;
            }
        }
        return next != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the export has no more records");
        }
        SourceRecord record = next;
        next = null;
        handedOn++;
        return record;
    }

    /** Records of the export staged by an earlier attempt and gone past. */
    public long recordsSkipped() {
        return skipped;
    }

    /** Records of the export gone through so far: skipped, and handed on. */
    public long recordsRead() {
        return skipped + handedOn;
    }

    /**
     * Whether the export ended among the records staged already: nothing was handed on, so the steps that come with
     * the export's last record did not run (an earlier attempt staged it, then stopped before the read was recorded).
     */
    public boolean endedWithinStaged() {
        return skipped > 0 && handedOn == 0 && !hasNext();
    }

    @Override
    public void close() throws IOException {
        if (export instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
