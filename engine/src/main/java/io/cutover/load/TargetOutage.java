package io.cutover.load;

import io.cutover.state.Ledger;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

/**
 * The circuit breaker in front of the target: a call that got no answer, or a server error, opens it; from then on every
 * call waits in the API budget's route (routes/api-budget.yaml) while one of them probes the target now and then
 * ({@code /limits}); the first answer closes it and the calls go on. So an outage pauses the load instead of failing
 * batch after batch until every record has used its attempts: the records of the calls that failed as it began are
 * given their attempt back when it ends, since the failure was not theirs. Past {@code cutover.load.outage.max-wait}
 * the run fails, its records still pending, and the next start resumes it.
 */
@Singleton
@Named("targetOutage")
public class TargetOutage {

    private static final Logger LOG = Logger.getLogger(TargetOutage.class);

    private final Ledger ledger;
    private final Duration probeEvery;
    private final Duration maxWait;
    private final Clock clock = Clock.systemUTC();
    private Instant downSince;
    private Instant lastProbe = Instant.MIN;
    private String lastFailure;

    TargetOutage(Ledger ledger, LoadConfig load) {
        this.ledger = ledger;
        this.probeEvery = load.outage().probeEvery();
        this.maxWait = load.outage().maxWait();
    }

    /** A call failed: without an answer, or with one that says the server, not the request, is at fault. */
    public synchronized void callFailed(Throwable failure) {
        if (!TargetErrors.callLevel(failure) || downSince != null) {
            return;
        }
        downSince = clock.instant();
        lastProbe = Instant.MIN;
        lastFailure = failure.getMessage();
        LOG.infof("The target failed a call (%s): calls wait until it answers again, probing it every %s",
                lastFailure, probeEvery);
    }

    /** Whether calls must wait; past max-wait, the run fails (its records stay pending, to resume). */
    public synchronized boolean mustWait() {
        if (downSince == null) {
            return false;
        }
        if (Duration.between(downSince, clock.instant()).compareTo(maxWait) > 0) {
            throw new TargetUnavailableException("The target has not answered since " + downSince + " ("
                    + lastFailure + "), longer than cutover.load.outage.max-wait=" + maxWait
                    + ": the run stops here, its records pending; start it again to resume");
        }
        return true;
    }

    /** One waiting call probes at a time, every probe-every (the first at once). */
    public synchronized boolean probeDue() {
        Instant now = clock.instant();
        if (downSince == null || now.isBefore(lastProbe.plus(probeEvery))) {
            return false;
        }
        lastProbe = now;
        return true;
    }

    public long waitMillis() {
        return Math.min(probeEvery.toMillis(), 1000);
    }

    /** The target answered the probe: the outage is over; the records it failed get their attempt back. */
    public void probeAnswered(@ExchangeProperty("runId") String runId, @ExchangeProperty("object") String object) {
        Instant since;
        synchronized (this) {
            since = downSince;
            downSince = null;
        }
        if (since == null) {
            return;
        }
        int forgiven = runId == null || object == null ? 0 : ledger.forgiveCallFailures(runId, object, since);
        LOG.infof("The target answers again after %d s: calls go on%s", Duration.between(since, clock.instant()).toSeconds(),
                forgiven == 0 ? "" : String.format(" (%,d %s records failed by the outage get their attempt back)",
                        forgiven, object));
    }

    /** The probe failed: still down; unless it was answered, with a refusal of its own (a limit): then it is up. */
    public void probeFailed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure,
            @ExchangeProperty("runId") String runId, @ExchangeProperty("object") String object) {
        if (!TargetErrors.callLevel(failure)) {
            probeAnswered(runId, object);
            return;
        }
        synchronized (this) {
            lastFailure = failure.getMessage();
        }
        LOG.debugf("The target still fails: %s", failure.getMessage());
    }

    /** The target stayed unavailable for longer than the run waits. */
    public static class TargetUnavailableException extends RuntimeException {
        TargetUnavailableException(String message) {
            super(message);
        }
    }
}
