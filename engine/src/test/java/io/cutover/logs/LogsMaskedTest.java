package io.cutover.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.Test;

/** The application's console log goes through the mask: a line with an e-mail and a phone comes out masked. */
@QuarkusTest
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class LogsMaskedTest {

    @Test
    void theConsoleHandlerMasksPersonalData() {
        List<Filter> filters = handlers(LogContext.getLogContext().getLogger("").getHandlers()).stream()
                .map(Handler::getFilter).filter(Objects::nonNull).toList();
        assertThat(filters).isNotEmpty();
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Contact %s: %s rejected", ExtLogRecord.FormatStyle.PRINTF,
                LogsMaskedTest.class.getName());
        record.setParameters(new Object[] {"C-1", "jane.doe@example.com +33 6 12 34 56 78"});
        filters.forEach(filter -> filter.isLoggable(record));
        assertThat(record.getFormattedMessage()).isEqualTo("Contact C-1: j***@example.com +•• • •• •• •• 78 rejected");
    }

    /** Quarkus wraps the console handler (async, delayed start): the handlers within too. */
    private static List<Handler> handlers(Handler[] top) {
        return Arrays.stream(top).flatMap(handler -> {
            if (handler instanceof org.jboss.logmanager.ExtHandler ext && ext.getHandlers().length > 0) {
                return java.util.stream.Stream.concat(java.util.stream.Stream.of(handler), handlers(ext.getHandlers()).stream());
            }
            return java.util.stream.Stream.of(handler);
        }).toList();
    }
}
