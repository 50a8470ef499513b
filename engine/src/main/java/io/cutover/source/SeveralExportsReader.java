package io.cutover.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The exports of one object read one after another, in the catalog's order, as one stream of records: each export is
 * opened when the one before is done, so one file at a time is open, and the record numbers go on from one export to the
 * next, so that a record's number stays unique within its object's run.
 */
final class SeveralExportsReader implements Iterator<SourceRecord>, Closeable {

    private final Iterator<ExportDescription> exports;
    private CsvExportReader current;

    SeveralExportsReader(List<ExportDescription> exports) {
        this.exports = exports.iterator();
    }

    @Override
    public boolean hasNext() {
        while (current == null || !current.hasNext()) {
            if (!exports.hasNext()) {
                return false;
            }
            openNext();
        }
        return true;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the exports have no more records");
        }
        return current.next();
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }

    private void openNext() {
        long numberedSoFar = current == null ? 0 : current.lastRecordNumber();
        ExportDescription export = exports.next();
        try {
            close();
            current = null;
            current = new CsvExportReader(export).numberingAfter(numberedSoFar);
        } catch (IOException e) {
            throw new UncheckedIOException(export.file() + " (" + export.description() + "): " + e.getMessage(), e);
        }
    }
}
