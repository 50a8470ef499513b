package io.cutover.sandbox;

import jakarta.inject.Singleton;

/** Wakes the long polls waiting for change events when a write that made some commits. */
@Singleton
public class ChangeEventSignal {

    private long commits;

    synchronized void committed() {
        commits++;
        notifyAll();
    }

    /** The number of commits so far: a waiter passes it back to {@link #awaitAfter}. */
    synchronized long commits() {
        return commits;
    }

    /** Waits until a commit after the {@code seen}th, or {@code millis}. */
    synchronized void awaitAfter(long seen, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (commits == seen) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }
}
