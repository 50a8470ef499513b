package io.cutover.architecture;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** What in a YAML route would cross a boundary: a simulator class named by the route, or a SQL or JDBC endpoint. */
final class RouteText {

    private static final Pattern SQL_ENDPOINT = Pattern.compile("(?<![\\w-])(sql|sql-stored|jdbc|spring-jdbc|elsql):\\S");
    private static final String SIMULATOR_CLASSES = "io.cutover.sandbox";

    private RouteText() {
    }

    /** The lines of {@code route} that cross a boundary, as {@code name:line: text}. */
    static List<String> crossings(String name, List<String> route) {
        return IntStream.range(0, route.size())
                .filter(index -> route.get(index).contains(SIMULATOR_CLASSES) || SQL_ENDPOINT.matcher(route.get(index)).find())
                .mapToObj(index -> name + ":" + (index + 1) + ": " + route.get(index).strip())
                .toList();
    }
}
