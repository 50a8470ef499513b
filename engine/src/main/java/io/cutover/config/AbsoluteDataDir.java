package io.cutover.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;
import java.nio.file.Path;

/**
 * Makes {@code cutover.data-dir} an absolute path wherever it is read, in expressions too: H2 refuses a relative
 * database path that does not start with {@code ./}, and a report path in a log should not depend on the reader
 * knowing the working folder. Between SmallRye's expression (3300) and profile (3200) interceptors, so that
 * {@code ${cutover.data-dir}} in other keys and {@code %profile.cutover.data-dir} both pass through it.
 */
@Priority(3250)
public class AbsoluteDataDir implements ConfigSourceInterceptor {

    static final String KEY = "cutover.data-dir";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!KEY.equals(name) || value == null || value.getValue() == null) {
            return value;
        }
        return value.withValue(Path.of(value.getValue()).toAbsolutePath().normalize().toString());
    }
}
