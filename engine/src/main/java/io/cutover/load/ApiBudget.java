package io.cutover.load;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.component.salesforce.api.dto.Limits;
import org.jboss.logging.Logger;

/**
 * The limits governor: keeps a share of the org's daily API requests free for the org's other users and integrations.
 * The load routes ask it before every call to the target (routes/api-budget.yaml). It reads the org's usage from
 * every answer's {@code Sforce-Limit-Info} header, and {@code /limits} the first time a run asks and when answers have
 * not told it for so many calls or minutes; between readings it counts its own calls off the last reading. Below twice the reserve it slows every call down; at the reserve it pauses and reads
 * {@code /limits} again and again until the budget has recovered (a new day, or a raised limit).
 */
@Singleton
@Named("apiBudget")
public class ApiBudget {

    private static final Logger LOG = Logger.getLogger(ApiBudget.class);
    static final String LIMIT_INFO = "Sforce-Limit-Info";
    /** The org's entry of the header; {@code per-app-api-usage=…} is a connected app's. */
    private static final Pattern API_USAGE = Pattern.compile("(?<![-\\w])api-usage=(\\d+)/(\\d+)");

    enum Pace {
        FULL_SPEED, SLOWED, PAUSED
    }

    /** What the governor has done since the application started; a run's figures are the difference. */
    public record Activity(long limitsReads, long answerReadings, long slowedCalls, long pauses) {
    }

    private final double reserveShare;
    private final long readEveryCalls;
    private final Duration readEvery;
    private final Duration slowDownDelay;
    private final Duration pauseRecheck;
    private final Clock clock = Clock.systemUTC();

    private String runOfReading;
    private Instant readAt = Instant.MIN;
    private long callsSinceReading;
    /** Whether the org reports its daily API requests: without a figure, calls are not governed. */
    private boolean governed;
    private long max;
    private long remaining;
    private Pace pace = Pace.FULL_SPEED;
    private long limitsReads;
    private long answerReadings;
    private long slowedCalls;
    private long pauses;

    ApiBudget(LoadConfig load) {
        this.reserveShare = load.apiReserve();
        this.readEveryCalls = load.apiBudget().readEveryCalls();
        this.readEvery = load.apiBudget().readEvery();
        this.slowDownDelay = load.apiBudget().slowDownDelay();
        this.pauseRecheck = load.apiBudget().pauseRecheck();
    }

    /**
     * Whether {@code /limits} is to be read before this call: the first call of a run, and then every
     * {@code read-every-calls} calls or {@code read-every}. The caller that gets true reads; the others go on with the
     * last reading.
     */
    public synchronized boolean limitsDue(@ExchangeProperty("runId") String runId) {
        boolean due = !Objects.equals(runId, runOfReading) || callsSinceReading >= readEveryCalls
                || !clock.instant().isBefore(readAt.plus(readEvery));
        if (due) {
            runOfReading = runId;
            readingTaken();
        }
        return due;
    }

    /** Takes a reading of {@code /limits}: the org's daily API requests, their maximum and what is left of them. */
    public synchronized void read(@Variable("limits") Limits limits) {
        limitsReads++;
        readingTaken();
        Limits.Usage daily = limits.getDailyApiRequests();
        if (daily == null || daily.isUnknown()) {
            if (governed || limitsReads == 1) {
                LOG.warn("API budget: the org's /limits has no DailyApiRequests; calls are not governed");
            }
            governed = false;
            return;
        }
        governedBy(daily.getMax(), daily.getRemaining());
        LOG.debugf("API budget: %,d of %,d daily API requests left", remaining, max);
    }

    /**
     * Takes the reading an answer carries, {@code Sforce-Limit-Info: api-usage=18/15000} (Salesforce adds it to every
     * API answer; other entries, per-app usage, are not the org's budget): as good as a reading of {@code /limits}, so
     * the next one is due only after as many calls or as long again. Without the header, nothing changes.
     */
    public synchronized void observe(@Header(LIMIT_INFO) String limitInfo, @ExchangeProperty("runId") String runId) {
        Matcher usage = limitInfo == null ? null : API_USAGE.matcher(limitInfo);
        if (usage == null || !usage.find()) {
            return;
        }
        answerReadings++;
        readingTaken();
        if (runId != null) {
            runOfReading = runId;
        }
        long limit = Long.parseLong(usage.group(2));
        governedBy(limit, limit - Long.parseLong(usage.group(1)));
    }

    /** A reading taken now: the calls are counted off it from here. */
    private void readingTaken() {
        readAt = clock.instant();
        callsSinceReading = 0;
    }

    private void governedBy(long dailyMax, long dailyRemaining) {
        governed = true;
        max = dailyMax;
        remaining = dailyRemaining;
    }

    /**
     * A reading that failed. REQUEST_LIMIT_EXCEEDED means nothing is left, and the governor pauses; any other failure
     * leaves the last reading in place (the next call to the target will fail the same way and be retried).
     */
    public synchronized void readFailed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        limitsReads++;
        readingTaken();
        if (SalesforceErrors.codes(failure).contains("REQUEST_LIMIT_EXCEEDED")) {
            governed = true;
            remaining = 0;
            if (pace != Pace.PAUSED) {
                LOG.warnf("API budget: /limits answered REQUEST_LIMIT_EXCEEDED: the org's daily API requests are used up");
            }
        } else {
            LOG.warnf("API budget: cannot read /limits (%s); going on with the last reading", failure.getMessage());
        }
    }

    /** At the reserve or below: no call may be made; true until a reading shows the budget recovered. */
    public synchronized boolean mustPause() {
        if (!governed) {
            return false;
        }
        long left = estimatedRemaining();
        if (left <= reserve()) {
            if (pace != Pace.PAUSED) {
                pauses++;
                LOG.warnf("API budget: %,d of %,d daily API requests left, at the reserve of %,d (cutover.load.api-reserve=%s):"
                        + " pausing calls to the target, reading /limits again every %s until more is free",
                        left, max, reserve(), reserveShare, shown(pauseRecheck));
                pace = Pace.PAUSED;
            }
            return true;
        }
        if (pace == Pace.PAUSED) {
            LOG.infof("API budget: %,d of %,d daily API requests left, above the reserve of %,d again: resuming", left, max,
                    reserve());
            pace = Pace.FULL_SPEED;
        }
        return false;
    }

    /** How long to wait between readings of /limits while paused, in milliseconds. */
    public long pauseRecheckMillis() {
        return pauseRecheck.toMillis();
    }

    /**
     * The delay before this call, in milliseconds: {@code slow-down-delay} below twice the reserve, none above. The call
     * is then counted off the last reading.
     */
    public synchronized long callDelayMillis() {
        long left = estimatedRemaining();
        callsSinceReading++;
        Pace now = !governed || left >= 2 * reserve() ? Pace.FULL_SPEED : Pace.SLOWED;
        if (now != pace) {
            if (now == Pace.SLOWED) {
                LOG.warnf("API budget: %,d of %,d daily API requests left, below twice the reserve of %,d"
                        + " (cutover.load.api-reserve=%s): slowing down, %s before each call to the target",
                        left, max, reserve(), reserveShare, shown(slowDownDelay));
            } else {
                LOG.infof("API budget: %,d of %,d daily API requests left: back to full speed", left, max);
            }
            pace = now;
        }
        if (now == Pace.SLOWED) {
            slowedCalls++;
            return slowDownDelay.toMillis();
        }
        return 0;
    }

    /**
     * The budget's meters: the org's daily API requests left (as the calls since the last reading count them off), the
     * reserve, and the pace (0 full speed, 1 slowed, 2 paused). NaN before the first reading of a governed org.
     */
    void meters(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("cutover.api.budget.remaining", this, budget -> budget.governedFigure(budget::estimatedRemaining))
                .description("The org's daily API requests left").strongReference(true).register(registry);
        Gauge.builder("cutover.api.budget.reserve", this, budget -> budget.governedFigure(budget::reserve))
                .description("Daily API requests kept free for the org's other users (cutover.load.api-reserve)")
                .strongReference(true).register(registry);
        Gauge.builder("cutover.api.budget.pace", this, budget -> budget.currentPace().ordinal())
                .description("0: full speed; 1: slowed down below twice the reserve; 2: paused at the reserve")
                .strongReference(true).register(registry);
    }

    private synchronized double governedFigure(java.util.function.LongSupplier figure) {
        return governed ? figure.getAsLong() : Double.NaN;
    }

    private synchronized Pace currentPace() {
        return pace;
    }

    /** Whether calls are paused: the last reading found the org's daily API requests at the reserve or below. */
    public synchronized boolean paused() {
        return pace == Pace.PAUSED;
    }

    /** The org's daily API requests as the last reading of {@code /limits} found them. */
    public record Reading(long limit, long remaining, long reserve, Instant readAt) {}

    /** The last reading, if it was taken for this run and the org tells its daily API requests. */
    public synchronized Optional<Reading> reading(String runId) {
        return governed && Objects.equals(runId, runOfReading)
                ? Optional.of(new Reading(max, remaining, reserve(), readAt)) : Optional.empty();
    }

    public synchronized Activity activity() {
        return new Activity(limitsReads, answerReadings, slowedCalls, pauses);
    }

    private long reserve() {
        return (long) Math.ceil(max * reserveShare);
    }

    /** 5m, 2s, 0.02s: as the keys are written. */
    private static String shown(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private long estimatedRemaining() {
        return remaining - callsSinceReading;
    }
}
