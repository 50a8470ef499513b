package io.cutover.state;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.sql.DataSource;

/**
 * The database that holds the ledger, runs, watermarks and queues: an H2 file (the default) or a PostgreSQL server
 * that several replicas share, chosen when the application starts ({@code cutover.state-store}), so one build and one
 * image serve both. Both datasources are built in; the configuration activates exactly one of them, and Quarkus then
 * neither connects to nor migrates the other.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface StateStore {

    @ApplicationScoped
    class Chosen {

        @Inject
        InjectableInstance<AgroalDataSource> h2;

        @Inject
        @io.quarkus.agroal.DataSource("postgresql")
        InjectableInstance<AgroalDataSource> postgresql;

        @Produces
        @StateStore
        @ApplicationScoped
        @Unremovable
        DataSource stateStore() {
            if (postgresql.getHandle().getBean().isActive()) {
                return postgresql.get();
            }
            return h2.get();
        }
    }
}
