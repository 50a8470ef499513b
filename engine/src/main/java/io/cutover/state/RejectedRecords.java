package io.cutover.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The records a run rejected, with their source columns and why: what the rejects files are written from. One
 * streamed query per object, never a query per record.
 */
@ApplicationScoped
public class RejectedRecords {

    private final OutcomeRows rows;

    RejectedRecords(@StateStore DataSource dataSource) {
        this.rows = new OutcomeRows(dataSource, "'rejected'", "rejects");
    }

    /** One rejected record: its source columns as JSON (null if the ledger did not keep them) and the reason. */
    public record Rejected(String sourceValues, String message, String reasonCode, String sourceRef) {}

    /** Takes the rows one at a time; may write them out, hence the checked exception. */
    public interface Consumer {
        void accept(Rejected rejected) throws IOException;
    }

    /** The objects of the run with at least one rejected record. */
    public List<String> objects(String runId) {
        return rows.objects(runId);
    }

    /** The rejected records of the object, in the order they were read. */
    public void forEach(String runId, String object, Consumer consumer) throws IOException {
        rows.forEach(runId, object, "source_values, message, reason_code, source_ref",
                row -> new Rejected(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                consumer::accept);
    }
}
