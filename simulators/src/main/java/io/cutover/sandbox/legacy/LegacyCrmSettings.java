package io.cutover.sandbox.legacy;

/**
 * How the simulator behaves now: it starts as configured (cutover.legacy-crm.*) and is changed at run time through
 * {@code PUT /legacy-crm/admin/settings}, e.g. to let people work in the legacy CRM during a rehearsal of the cutover.
 * In a change, a field left out (null) keeps its value.
 *
 * @param unavailable every API call answers 503, as during the legacy CRM's maintenance; never at start
 */
public record LegacyCrmSettings(Integer rateLimit, Long tokenLifetimeSeconds, Integer editsPerMinute,
        Integer creationsPerMinute, Integer deletionsPerMinute, Boolean unavailable) {

    static LegacyCrmSettings of(LegacyCrmConfig config) {
        return new LegacyCrmSettings(config.rateLimit(), config.tokenLifetime().toSeconds(), config.editsPerMinute(),
                config.creationsPerMinute(), config.deletionsPerMinute(), false);
    }

    /** These settings with the fields {@code change} gives. */
    LegacyCrmSettings with(LegacyCrmSettings change) {
        return new LegacyCrmSettings(pick(change.rateLimit, rateLimit), pick(change.tokenLifetimeSeconds, tokenLifetimeSeconds),
                pick(change.editsPerMinute, editsPerMinute), pick(change.creationsPerMinute, creationsPerMinute),
                pick(change.deletionsPerMinute, deletionsPerMinute), pick(change.unavailable, unavailable));
    }

    /** What is wrong with these settings, or null. */
    String problem() {
        if (rateLimit < 0 || editsPerMinute < 0 || creationsPerMinute < 0 || deletionsPerMinute < 0) {
            return "rateLimit and the changes a minute are 0 (none) or more";
        }
        return tokenLifetimeSeconds < 1 ? "tokenLifetimeSeconds is 1 or more" : null;
    }

    private static <T> T pick(T changed, T current) {
        return changed == null ? current : changed;
    }
}
