package io.cutover.load;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The camel-salesforce component every route's {@code salesforce:} endpoint uses, pointed at the configured org or,
 * when none is configured and the sandbox is enabled, at the built-in sandbox on this application's own port.
 */
@ApplicationScoped
public class SalesforceTarget {

    private static final Logger LOG = Logger.getLogger(SalesforceTarget.class);

    @Inject
    TargetConfig target;

    /**
     * Logs in now, if the component was waiting for its first call to (the sandbox on this application's port, once it
     * answers), and no longer lazily: camel-salesforce's streaming consumers refuse a lazy login.
     */
    public static void loginNow(SalesforceComponent salesforce) throws SalesforceException {
        if (salesforce.getLoginConfig().isLazyLogin()) {
            salesforce.getSession().login(null);
            salesforce.getLoginConfig().setLazyLogin(false);
        }
    }

    @Produces
    @Singleton
    @Named("salesforce")
    SalesforceComponent salesforce(Config config) {
        SalesforceComponent salesforce = new NamingItsClient(target.clientName());
        SalesforceEndpointConfig endpointDefaults = new SalesforceEndpointConfig();
        endpointDefaults.setApiVersion(target.apiVersion());
        salesforce.setConfig(endpointDefaults);
        salesforce.setHttpMaxContentLength(target.maxAnswerBytes());
        if (target.loginUrl().isPresent()) {
            salesforce.setLoginUrl(target.loginUrl().get());
            salesforce.setClientId(required(target.clientId(), "cutover.target.client-id"));
            salesforce.setClientSecret(required(target.clientSecret(), "cutover.target.client-secret"));
            if (target.keystore().path().isPresent()) {
                jwtBearer(salesforce, required(target.username(), "cutover.target.username"));
            } else if (target.refreshToken().isPresent()) {
                refreshTokenFlow(salesforce);
            } else if (target.username().isPresent()) {
                salesforce.setAuthenticationType(AuthenticationType.USERNAME_PASSWORD);
                salesforce.setUserName(target.username().get());
                salesforce.setPassword(required(target.password(), "cutover.target.password"));
            } else {
                salesforce.setAuthenticationType(AuthenticationType.CLIENT_CREDENTIALS);
            }
        } else if (config.getOptionalValue("cutover.sandbox.enabled", Boolean.class).orElse(false)) {
            // The sandbox answers on this application's HTTP port, which is not listening yet when Camel starts. Its
            // login settings are read as configuration: the engine does not depend on the simulator's classes.
            if (config.getOptionalValue("cutover.sandbox.client-id", String.class).isEmpty()) {
                // the simulators give those settings, and a package built without them (-Dengine-only) has none
                throw new ConfigurationException("Cutover cannot start: cutover.sandbox.enabled is true, but this package "
                        + "was built without the simulators (-Dengine-only), so there is no built-in sandbox to load into. "
                        + "Set cutover.target.login-url (CUTOVER_TARGET_LOGIN_URL) and the credentials of an org instead");
            }
            salesforce.setLazyLogin(true);
            salesforce.setLoginUrl("http://localhost:" + httpPort(config));
            salesforce.setClientId(config.getValue("cutover.sandbox.client-id", String.class));
            String sandboxUser = config.getValue("cutover.sandbox.username", String.class);
            if (target.keystore().path().isPresent()) {
                // rehearsing the JWT bearer flow: the sandbox checks the assertion against its certificate
                jwtBearer(salesforce, sandboxUser);
            } else if (target.refreshToken().isPresent()) {
                // rehearsing the refresh token flow: the sandbox accepts the token it issued (cutover.sandbox.refresh-token)
                salesforce.setClientSecret(config.getValue("cutover.sandbox.client-secret", String.class));
                refreshTokenFlow(salesforce);
            } else {
                salesforce.setAuthenticationType(AuthenticationType.USERNAME_PASSWORD);
                salesforce.setClientSecret(config.getValue("cutover.sandbox.client-secret", String.class));
                salesforce.setUserName(sandboxUser);
                salesforce.setPassword(config.getValue("cutover.sandbox.password", String.class));
            }
        } else {
            throw new ConfigurationException("Cutover cannot start: no target is configured. Set cutover.target.login-url "
                    + "(CUTOVER_TARGET_LOGIN_URL) and the credentials CUTOVER_TARGET_CLIENT_ID, CUTOVER_TARGET_CLIENT_SECRET "
                    + "(and CUTOVER_TARGET_USERNAME, CUTOVER_TARGET_PASSWORD for the username-password flow), or enable the "
                    + "built-in sandbox with cutover.sandbox.enabled=true");
        }
        return salesforce;
    }

    /**
     * The component whose every call says {@code Sforce-Call-Options: client=<name>} (unless the call names a client
     * of its own), set once on its HTTP client: the change events Cutover's writes cause name it as their origin, and
     * the reverse sync does not send them back (docs/cutover.md).
     */
    private static final class NamingItsClient extends SalesforceComponent {

        private static final String CALL_OPTIONS = "Sforce-Call-Options";
        private final String clientName;

        NamingItsClient(String clientName) {
            this.clientName = clientName;
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            getHttpClient().getRequestListeners().addQueuedListener(request -> request.headers(headers -> {
                if (!headers.contains(CALL_OPTIONS)) {
                    headers.put(CALL_OPTIONS, "client=" + clientName);
                }
            }));
        }

        /**
         * Stopping logs out of the target; a target already gone (the built-in sandbox, stopped with this application;
         * an org out of reach) cannot be logged out of, and its session ends with it: worth a line at DEBUG, not a
         * 50-line stack trace at the end of every one-shot run.
         */
        @Override
        protected void doStop() throws Exception {
            try {
                super.doStop();
            } catch (RuntimeCamelException logoutFailed) {
                LOG.debugf("No logout from the target on stopping: %s", logoutFailed.getMessage());
            }
        }
    }

    /** The OAuth 2.0 refresh token flow: the token a user's authorisation of the connected app gave, traded for sessions. */
    private void refreshTokenFlow(SalesforceComponent salesforce) {
        salesforce.setAuthenticationType(AuthenticationType.REFRESH_TOKEN);
        salesforce.setRefreshToken(target.refreshToken().orElseThrow());
    }

    /**
     * The OAuth 2.0 JWT bearer flow, for unattended runs against real orgs: camel-salesforce signs an assertion (the
     * connected app's client id as issuer, the user as subject, the login URL as audience) with the key store's private
     * key; the org checks it against the certificate uploaded to the connected app. No password or client secret.
     */
    private void jwtBearer(SalesforceComponent salesforce, String user) {
        KeyStoreParameters keystore = new KeyStoreParameters();
        keystore.setResource("file:" + target.keystore().path().orElseThrow());
        keystore.setType(target.keystore().type());
        keystore.setPassword(required(target.keystore().password(), "cutover.target.keystore.password"));
        salesforce.setKeystore(keystore);
        salesforce.setAuthenticationType(AuthenticationType.JWT);
        salesforce.setUserName(user);
    }

    private static int httpPort(Config config) {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return config.getOptionalValue(key, Integer.class).orElse(LaunchMode.current() == LaunchMode.TEST ? 8081 : 8080);
    }

    private static String required(Optional<String> value, String key) {
        return value.orElseThrow(() -> new ConfigurationException("Cutover cannot start: " + key + " is not set (environment: "
                + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ")"));
    }
}
