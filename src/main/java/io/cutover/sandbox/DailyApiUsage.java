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

    /** Counts one call, or answers false without counting it when the day's allowance is used up. */
    public synchronized boolean tryCount() {
        rollOver();
        if (used >= config.dailyApiLimit()) {
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

    public long limit() {
        return config.dailyApiLimit();
    }

    /** The {@code Sforce-Limit-Info} header Salesforce adds to every API answer. */
    public String limitInfo() {
        return "api-usage=" + used() + "/" + limit();
    }

    public synchronized void reset() {
        used = 0;
    }

    private void rollOver() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }
}
