package io.cutover.mapping.profile;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * What the {@code profile} command counts and checks ({@code cutover.profile.*}; docs/mapping.md), checked when the
 * application starts: a wrong value stops the start with the key named. Their defaults and the why of each are in
 * application.properties.
 */
@ConfigMapping(prefix = "cutover.profile")
public interface ProfileConfig {

    /** Distinct values counted exactly per column; past it the count is a lower bound. */
    @Positive
    int distinctValues();

    /** The region phones without a country code are checked in, as libphonenumber names it (capitals). */
    @Pattern(regexp = "[A-Z]{2}", message = "must be a region code in capitals, such as US or DE")
    String phoneRegion();
}
