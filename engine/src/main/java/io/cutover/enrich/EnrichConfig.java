package io.cutover.enrich;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * How the enricher asks the target for the values a mapping finds there ({@code cutover.enrich.*}; docs/mapping.md,
 * find), checked when the application starts: a wrong value stops the start with the key named. Their defaults and the
 * why of each are in application.properties.
 */
@ConfigMapping(prefix = "cutover.enrich")
public interface EnrichConfig {

    /** Values per SOQL query ({@code WHERE Email IN (…)}); a query is a GET, whose URL Salesforce limits in length. */
    @Positive
    int valuesPerQuery();

    /** Distinct values whose answer a run remembers, the least recently used forgotten past it; 0: none. */
    @PositiveOrZero
    int cacheSize();
}
