package io.cutover.sandbox;

/**
 * The faults the sandbox injects into data API calls, changeable at run time through {@code /sandbox/admin/faults}.
 * Rates are probabilities from 0 to 1 per call; a seed makes the sequence of injected faults repeatable.
 */
public record FaultSettings(long latencyMs, long latencyPerRecordMs, double error500Rate, double error503Rate,
        double error429Rate, int retryAfterSeconds, double requestLimitRate, double sessionExpiryRate,
        boolean unableToLockRow, Long seed) {

    static FaultSettings of(SandboxConfig.Faults faults) {
        return new FaultSettings(faults.latency().toMillis(), faults.latencyPerRecord().toMillis(), faults.error500Rate(),
                faults.error503Rate(), faults.error429Rate(), faults.retryAfterSeconds(), faults.requestLimitRate(),
                faults.sessionExpiryRate(), faults.unableToLockRow(), faults.seed().orElse(null));
    }
}
