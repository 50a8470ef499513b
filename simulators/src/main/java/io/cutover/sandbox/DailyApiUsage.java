package io.cutover.sandbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The org's daily API request allowance: every authenticated data API call counts, and once the limit is reached calls
 * are refused until the next day (UTC), as Salesforce refuses them with REQUEST_LIMIT_EXCEEDED.
 */
@ApplicationScoped
public class DailyApiUsage {

    private final Clock clock = Clock.systemUTC();

    @Inject
    SandboxConfig config;

    private LocalDate day;
    private long used;
    /** A limit set at run time through /sandbox/admin/api-usage, in place of the configured one. */
    private Long limitNow;

    /** Counts one call, or answers false without counting it when the day's allowance is used up. */
    public synchronized boolean tryCount() {
        rollOver();
        if (used >= limit()) {
            return false;
        }
        used++;
        return true;
    }

    public synchronized long used() {
        rollOver();
        return used;
    }

    public boolean sandboxEnabled() {
        return config.enabled();
    }

    public synchronized long limit() {
        return limitNow == null ? config.dailyApiLimit() : limitNow;
    }

    /**
     * Sets the day's limit and the calls already used, each when given, so that a rehearsal (or a test) can bring the
     * org near its limit and let it recover without making thousands of calls.
     */
    public synchronized void change(Long limit, Long usedToday) {
        rollOver();
        if (limit != null) {
            limitNow = limit;
        }
        if (usedToday != null) {
            used = usedToday;
        }
    }

    /** The {@code Sforce-Limit-Info} header Salesforce adds to every API answer. */
    public String limitInfo() {
        return "api-usage=" + used() + "/" + limit();
    }

    /** A new day, with the configured limit. */
    public synchronized void reset() {
        used = 0;
        limitNow = null;
    }

    private void rollOver() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }
}
