package io.cutover.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Why a run rejected records, most frequent reason first, with a few examples each: what the report page shows. */
@ApplicationScoped
public class RejectReasons {

    private final DataSource dataSource;

    RejectReasons(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One reason of one object: how many records it rejected, and the messages of the first few. */
    public record Reason(String object, String reasonCode, long count, List<String> examples) {}

    /**
     * The {@code limit} most frequent reasons over all objects, each with up to {@code examples} messages: one grouped
     * query, then one query per reason shown (never per record).
     */
    public List<Reason> top(String runId, int limit, int examples) {
        List<Reason> reasons = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("""
                    select object_name, coalesce(reason_code, ''), count(*) from outcome
                    where run_id = ? and outcome = 'rejected'
                    group by object_name, coalesce(reason_code, '') order by count(*) desc, object_name, 2
                    """)) {
                select.setMaxRows(limit);
                select.setString(1, runId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        reasons.add(new Reason(row.getString(1), row.getString(2), row.getLong(3), List.of()));
                    }
                }
            }
            List<Reason> withExamples = new ArrayList<>(reasons.size());
            try (PreparedStatement select = connection.prepareStatement("""
                    select message from outcome
                    where run_id = ? and object_name = ? and outcome = 'rejected' and coalesce(reason_code, '') = ?
                    order by record_no
                    """)) {
                select.setMaxRows(examples);
                for (Reason reason : reasons) {
                    select.setString(1, runId);
                    select.setString(2, reason.object());
                    select.setString(3, reason.reasonCode());
                    List<String> messages = new ArrayList<>();
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            messages.add(row.getString(1));
                        }
                    }
                    withExamples.add(new Reason(reason.object(), reason.reasonCode(), reason.count(), messages));
                }
            }
            return withExamples;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the reject reasons of run " + runId, e);
        }
    }
}
