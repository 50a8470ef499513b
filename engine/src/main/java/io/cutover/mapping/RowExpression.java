package io.cutover.mapping;

import io.cutover.mapping.transform.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.support.DefaultExchange;

/**
 * A Camel simple expression of a mapping file, compiled once by Camel's simple language when the mapping is read, and
 * evaluated against each record's source row: the exchange's body is the row, a map of column → value, so
 * {@code ${body[first_name]}} is a column's value.
 */
public final class RowExpression {

    /** How a mapping names a column in an expression; these are checked against the export's header at start-up. */
    private static final Pattern COLUMN = Pattern.compile("body\\[([^\\]]+)\\]");

    private final CamelContext camel;
    private final String text;
    private final Expression compiled;
    private final List<String> columnsRead;

    private RowExpression(CamelContext camel, String text, Expression compiled, List<String> columnsRead) {
        this.camel = camel;
        this.text = text;
        this.compiled = compiled;
        this.columnsRead = columnsRead;
    }

    /** @throws RuntimeException Camel's message when the expression is not valid simple */
    static RowExpression simple(CamelContext camel, String text) {
        Expression compiled = camel.resolveLanguage("simple").createExpression(text);
        compiled.init(camel);
        return new RowExpression(camel, text, compiled, columnsNamed(text));
    }

    /** The columns a simple expression or predicate names as {@code ${body[column]}}. */
    static List<String> columnsNamed(String text) {
        List<String> columns = new ArrayList<>();
        Matcher column = COLUMN.matcher(text);
        while (column.find()) {
            String name = column.group(1).strip();
            columns.add(name.length() > 1 && (name.startsWith("'") && name.endsWith("'")
                    || name.startsWith("\"") && name.endsWith("\"")) ? name.substring(1, name.length() - 1) : name);
        }
        return List.copyOf(columns);
    }

    /** The expression as the mapping file writes it. */
    public String text() {
        return text;
    }

    /** The columns the expression names as {@code ${body[column]}}. */
    List<String> columnsRead() {
        return columnsRead;
    }

    /** The expression's value for the row, as text; EXPRESSION_FAILED when Camel cannot evaluate it. */
    String evaluate(Map<String, String> row) throws Rejection {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(row);
        try {
            String value = compiled.evaluate(exchange, String.class);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            return value;
        } catch (Exception e) {
            throw new Rejection("EXPRESSION_FAILED", "the expression " + text + " failed: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
