package io.cutover.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The records a run created or updated in the target, with their source columns and target id: what the success
 * files (Data Loader's crosswalk) are written from. One streamed query per object, never a query per record.
 */
@ApplicationScoped
public class LoadedRecords {

    private final OutcomeRows rows;

    LoadedRecords(@StateStore DataSource dataSource) {
        this.rows = new OutcomeRows(dataSource, "'loaded', 'updated'", "loaded records");
    }

    /** One loaded record: its source columns as JSON (null if the ledger did not keep them) and its target id. */
    public record Loaded(String sourceValues, String targetId, boolean created) {}

    /** Takes the rows one at a time; may write them out, hence the checked exception. */
    public interface Consumer {
        void accept(Loaded loaded) throws IOException;
    }

    /** The objects of the run with at least one record created or updated. */
    public List<String> objects(String runId) {
        return rows.objects(runId);
    }

    /** The object's created and updated records in the order they were read, streamed. */
    public void forEach(String runId, String object, Consumer consumer) throws IOException {
        rows.forEach(runId, object, "source_values, target_id, outcome",
                row -> new Loaded(row.getString(1), row.getString(2), "loaded".equals(row.getString(3))), consumer::accept);
    }
}
