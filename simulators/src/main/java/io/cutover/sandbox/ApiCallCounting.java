package io.cutover.sandbox;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** Counts every call that reached a sandbox resource, named after the resource method (e.g. "Query.query"). */
public class ApiCallCounting {

    @Inject
    ApiCounters counters;

    @ServerRequestFilter
    public void count(SimpleResourceInfo resource) {
        Class<?> resourceClass = resource.getResourceClass();
        if (resourceClass != null && resourceClass.getPackageName().equals(ApiCallCounting.class.getPackageName())
                && resourceClass != AdminResource.class) {
            String name = resourceClass.getSimpleName().replace("Resource", "");
            counters.count(name + "." + resource.getMethodName());
        }
    }
}
