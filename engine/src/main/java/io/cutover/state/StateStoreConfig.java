package io.cutover.state;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;

/**
 * The state store ({@code cutover.state-store} and {@code cutover.state-store.*}; docs/configuration.md), which the
 * datasource settings in application.properties read, checked when the application starts: a wrong value or an
 * unknown key under the prefix stops the start with the key named. The password is a secret: this interface declares
 * no {@code toString}, so that none is generated that would print it, and no constraint, so that no message quotes it.
 */
@ConfigMapping(prefix = "cutover.state-store")
public interface StateStoreConfig {

    /** h2 (a file in the data folder, one replica) or postgresql (a server that several replicas share). */
    @WithParentName
    @Pattern(regexp = "h2|postgresql", message = "must be h2 or postgresql")
    String kind();

    /** The PostgreSQL JDBC URL. */
    Optional<String> url();

    /** Its user. */
    String username();

    /** Its password (environment only). */
    Optional<String> password();
}
