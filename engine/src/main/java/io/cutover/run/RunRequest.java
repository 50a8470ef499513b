package io.cutover.run;

import io.cutover.plan.SampleSize;
import java.util.Optional;

/** What a run is asked to be: its kind, and for a sample run, the sample's size. Unset parts take the configuration's. */
public record RunRequest(Optional<RunKind> kind, Optional<SampleSize> sampleSize) {

    public static final RunRequest CONFIGURED = new RunRequest(Optional.empty(), Optional.empty());

    public static RunRequest of(RunKind kind) {
        return new RunRequest(Optional.of(kind), Optional.empty());
    }

    public static RunRequest sample(String size) {
        return new RunRequest(Optional.of(RunKind.SAMPLE), Optional.of(SampleSize.parse(size)));
    }
}
