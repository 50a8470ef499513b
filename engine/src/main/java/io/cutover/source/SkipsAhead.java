package io.cutover.source;

/**
 * An export that can go past the records an interrupted attempt at the run staged without reading them one by one, as
 * a restartable step resumes from its last commit rather than from the start.
 */
interface SkipsAhead {

    /**
     * Goes past records numbered up to {@code lastStaged}, as far as it can without reading them; the next record is
     * the first after them. Returns how many it went past (0 when it cannot).
     */
    long skipAhead(long lastStaged);
}
