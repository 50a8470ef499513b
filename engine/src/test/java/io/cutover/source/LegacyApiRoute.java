package io.cutover.source;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** The application's own route for every call to a legacy API (routes/legacy-api.yaml), in a test's plain Camel context. */
public final class LegacyApiRoute {

    private LegacyApiRoute() {
    }

    public static void addTo(CamelContext camel) throws Exception {
        camel.getRegistry().bind("legacyApiCalls", new LegacyApiCalls());
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel, "file:routes/legacy-api.yaml"));
    }
}
