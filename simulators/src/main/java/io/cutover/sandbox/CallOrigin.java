package io.cutover.sandbox;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a write comes from, as a change event's {@code changeOrigin} says it: {@code com/salesforce/api/rest/60.0} and,
 * when the call named its client in {@code Sforce-Call-Options: client=<name>}, {@code ;client=<name>}. Read from the
 * request being served; a bulk job, processed later on another thread, carries the origin of the call that closed it.
 */
public final class CallOrigin {

    private static final ThreadLocal<String> CARRIED = new ThreadLocal<>();
    private static final Pattern VERSION = Pattern.compile("/services/(?:data|async)/v?(\\d+\\.\\d+)/");

    private CallOrigin() {
    }

    /** The origin of the call being served; empty outside of one (the sandbox's own work, a plain test). */
    public static String current() {
        String carried = CARRIED.get();
        if (carried != null) {
            return carried;
        }
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return "";
        }
        RoutingContext request = container.instance(CurrentVertxRequest.class).get().getCurrent();
        if (request == null) {
            return "";
        }
        Matcher version = VERSION.matcher(request.request().path());
        String origin = "com/salesforce/api/rest/" + (version.find() ? version.group(1) : "");
        String options = request.request().getHeader("Sforce-Call-Options");
        if (options != null) {
            origin += Arrays.stream(options.split(",")).map(String::strip).filter(option -> option.startsWith("client="))
                    .findFirst().map(client -> ";" + client).orElse("");
        }
        return origin;
    }

    /** Runs work with the origin of an earlier call (a bulk job's). */
    static void runAs(String origin, Runnable work) {
        CARRIED.set(origin);
        try {
            work.run();
        } finally {
            CARRIED.remove();
        }
    }
}
