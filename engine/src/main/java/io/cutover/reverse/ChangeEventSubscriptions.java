package io.cutover.reverse;

import io.cutover.load.SalesforceTarget;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.jboss.logging.Logger;

/**
 * Starts the Change Data Capture subscriptions (the routes of group {@value #GROUP}, routes/reverse-sync.yaml) once this
 * application answers HTTP, with the reverse sync and its events on: the built-in sandbox answers on this
 * application's port, and camel-salesforce's streaming consumer must be logged in before it subscribes.
 */
@Singleton
public class ChangeEventSubscriptions {

    static final String GROUP = "change-event-subscriptions";
    private static final Logger LOG = Logger.getLogger(ChangeEventSubscriptions.class);

    private final ReverseSettings settings;
    private final boolean cdc;
    private final CamelContext camel;
    private final SalesforceComponent salesforce;

    ChangeEventSubscriptions(ReverseSettings settings, ReverseSyncConfig reverseSync,
            CamelContext camel, @Named("salesforce") SalesforceComponent salesforce) {
        this.settings = settings;
        this.cdc = reverseSync.cdc();
        this.camel = camel;
        this.salesforce = salesforce;
    }

    void start(@ObservesAsync HttpServerStart serving) throws Exception {
        if (!settings.enabled() || !cdc) {
            return;
        }
        SalesforceTarget.loginNow(salesforce);
        for (Route route : camel.getRoutes()) {
            if (GROUP.equals(route.getGroup())) {
                camel.getRouteController().startRoute(route.getRouteId());
                LOG.infof("Change Data Capture subscription %s started", route.getRouteId());
            }
        }
    }
}
