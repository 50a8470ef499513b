package io.cutover.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * What Camel's route configurations do, which decides where the routes use one and where a doTry (docs/routes.md,
 * "Failures"): a route that names its configurations does not get the one without an id (routes/api-budget.yaml's
 * interceptor), not even through "*"; and a failure handled by a configuration's onException ends the exchange, also in
 * the route that called the failed one, so a route called from a step that must go on (a load route, the API budget's
 * /limits read) catches its failures itself.
 */
class RouteConfigurationsTest {

    private static final String CONFIGURATIONS = """
            - routeConfiguration:
                interceptSendToEndpoint:
                  - interceptSendToEndpoint:
                      uri: "log:target*"
                      steps:
                        - setBody:
                            constant: intercepted
            - routeConfiguration:
                id: call-failed
                onException:
                  - onException:
                      exception:
                        - java.lang.IllegalStateException
                      handled:
                        constant: true
                      steps:
                        - setBody:
                            constant: handled
            """;

    private static final String CALLING_ROUTE = """
            - route:
                id: calling
                %s
                from:
                  uri: direct:call
                  steps:
                    - to: log:target
                    - filter:
                        simple: "${header.fail}"
                        steps:
                          - throwException:
                              exceptionType: java.lang.IllegalStateException
                              message: refused
            - route:
                id: caller
                routeConfigurationId: call-failed
                from:
                  uri: direct:caller
                  steps:
                    - to: direct:call
                    - setBody:
                        simple: "${body}, then the caller went on"
            """;

    @Test
    void aRouteWithoutConfigurationIdGetsTheConfigurationWithoutId() throws Exception {
        try (CamelContext camel = started("")) {
            assertThat(camel.createProducerTemplate().requestBody("direct:call", "sent", String.class)).isEqualTo("intercepted");
        }
    }

    @Test
    void aRouteNamingItsConfigurationsDoesNotGetTheOneWithoutIdEvenThroughTheWildcard() throws Exception {
        try (CamelContext camel = started("routeConfigurationId: \"*,call-failed\"")) {
            assertThat(camel.createProducerTemplate().requestBody("direct:call", "sent", String.class)).isEqualTo("sent");
        }
    }

    @Test
    void aFailureHandledInTheCalledRouteEndsTheCallersRoutingToo() throws Exception {
        try (CamelContext camel = started("routeConfigurationId: call-failed")) {
            assertThat(camel.createProducerTemplate().requestBodyAndHeader("direct:caller", "sent", "fail", true, String.class))
                    .isEqualTo("handled");
        }
    }

    private static CamelContext started(String callingRouteConfiguration) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("routes.yaml",
                CONFIGURATIONS + CALLING_ROUTE.formatted(callingRouteConfiguration)));
        camel.start();
        return camel;
    }
}
