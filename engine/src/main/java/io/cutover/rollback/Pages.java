package io.cutover.rollback;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Records read from the state store a page at a time, each page asked for with the last record of the one before
 * (keyset paging), as the rollback route's splitter takes them: one page in memory at a time, and what a page's
 * processing changed does not shift the next page.
 */
final class Pages<T> implements Iterator<List<T>> {

    private final Function<T, List<T>> pageAfter;
    private List<T> next;
    private T last;
    private boolean done;

    /** @param pageAfter the page after the given record; the first page for null; empty at the end */
    Pages(Function<T, List<T>> pageAfter) {
        this.pageAfter = pageAfter;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            List<T> page = pageAfter.apply(last);
            done = page.isEmpty();
            next = done ? null : page;
        }
        return next != null;
    }

    @Override
    public List<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<T> page = next;
        next = null;
        last = page.get(page.size() - 1);
        return page;
    }
}
