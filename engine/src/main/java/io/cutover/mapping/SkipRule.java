package io.cutover.mapping;

import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.support.DefaultExchange;

/**
 * A rule of a mapping file that leaves records of the export behind on purpose, such as activities older than the
 * cut-off date: a Camel simple predicate on the source row ({@code ${body[start]} < '2023-01-01'}), and why, which the
 * skipped record's outcome gives.
 */
public record SkipRule(String when, String because, Predicate predicate, List<String> columnsRead) {

    static SkipRule simple(CamelContext camel, String when, String because) {
        Predicate predicate = camel.resolveLanguage("simple").createPredicate(when);
        predicate.init(camel);
        return new SkipRule(when, because, predicate, RowExpression.columnsNamed(when));
    }

    public boolean matches(CamelContext camel, Map<String, String> row) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(row);
        return predicate.matches(exchange);
    }
}
