package io.cutover.state;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The calls a run made to the target, per object and operation, as the load routes count them. */
@ApplicationScoped
@Named("apiCalls")
public class ApiCalls {

    private static final String ADD = """
            merge into api_call as a
            using (values (cast(? as varchar(40)), cast(? as varchar(80)), cast(? as varchar(80)), cast(? as bigint)))
                  as v(run_id, object_name, operation, calls)
            on a.run_id = v.run_id and a.object_name = v.object_name and a.operation = v.operation
            when matched then update set calls = a.calls + v.calls
            when not matched then insert (run_id, object_name, operation, calls) values (v.run_id, v.object_name, v.operation, v.calls)
            """;

    private final DataSource dataSource;
    private final MeterRegistry registry;

    ApiCalls(@StateStore DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /**
     * One call of {@code operation} for the run and object. A call outside a run's object (the reverse sync's) is
     * counted by the meter only.
     */
    public void count(String runId, String object, String operation) {
        add(runId, object, operation, 1);
    }

    public void add(String runId, String object, String operation, long calls) {
        Counter.builder("cutover.api.calls").tag("object", object == null ? "" : object).tag("operation", operation)
                .description("Calls to the target, by object and operation").register(registry).increment(calls);
        if (runId == null || object == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement merge = connection.prepareStatement(ADD)) {
            merge.setString(1, runId);
            merge.setString(2, object);
            merge.setString(3, operation);
            merge.setLong(4, calls);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the API calls of run " + runId, e);
        }
    }

    /** Calls per object, then per operation. */
    public Map<String, Map<String, Long>> of(String runId) {
        Map<String, Map<String, Long>> calls = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select object_name, operation, calls from api_call where run_id = ? order by object_name, operation")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    calls.computeIfAbsent(row.getString(1), object -> new LinkedHashMap<>()).put(row.getString(2), row.getLong(3));
                }
            }
            return calls;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the API calls of run " + runId, e);
        }
    }
}
