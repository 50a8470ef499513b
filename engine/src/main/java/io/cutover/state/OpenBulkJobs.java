package io.cutover.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Bulk API 2.0 jobs closed and not yet collected, per run and object, with the external ids of their records: what a
 * run killed while its jobs ran needs to collect their results instead of uploading the records again. The ids are
 * kept a thousand to a row (V24), as a JSON array: remembering and forgetting a job are a few rows each.
 */
@ApplicationScoped
public class OpenBulkJobs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> IDS = new TypeReference<>() { };

    private final DataSource dataSource;

    OpenBulkJobs(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Jobs closed and not yet collected, of every run. */
    public long count() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select count(*) from bulk_job");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the open bulk jobs", e);
        }
    }

    public void remember(String runId, String object, String jobId, Collection<String> externalIds) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement job = connection.prepareStatement(
                    "insert into bulk_job (job_id, run_id, object_name, closed_at) values (?, ?, ?, ?)");
                    PreparedStatement ids = connection.prepareStatement(
                            "insert into bulk_job_ids (job_id, slice_no, external_ids) values (?, ?, ?)")) {
                job.setString(1, jobId);
                job.setString(2, runId);
                job.setString(3, object);
                job.setTimestamp(4, Timestamp.from(Instant.now()));
                job.executeUpdate();
                int sliceNo = 0;
                for (List<String> slice : KeyLists.slices(List.copyOf(externalIds))) {
                    ids.setString(1, jobId);
                    ids.setInt(2, ++sliceNo);
                    ids.setString(3, JSON.writeValueAsString(slice));
                    ids.addBatch();
                }
                ids.executeBatch();
                connection.commit();
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StateStoreException("Cannot remember bulk job " + jobId + " of run " + runId, e);
        }
    }

    /** The jobs of the run and object not collected yet, oldest first, with the external ids of their records. */
    public Map<String, Set<String>> of(String runId, String object) {
        Map<String, Set<String>> jobs = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select j.job_id, i.external_ids from bulk_job j join bulk_job_ids i on i.job_id = j.job_id
                        where j.run_id = ? and j.object_name = ? order by j.closed_at, j.job_id, i.slice_no
                        """)) {
            select.setString(1, runId);
            select.setString(2, object);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    jobs.computeIfAbsent(row.getString(1), job -> new HashSet<>()).addAll(JSON.readValue(row.getString(2), IDS));
                }
            }
            return jobs;
        } catch (SQLException | JsonProcessingException e) {
            throw new StateStoreException("Cannot read the open bulk jobs of run " + runId, e);
        }
    }

    /** The job's results are in the records: it is no longer open. */
    public void forget(String jobId) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ids = connection.prepareStatement("delete from bulk_job_ids where job_id = ?");
                    PreparedStatement job = connection.prepareStatement("delete from bulk_job where job_id = ?")) {
                ids.setString(1, jobId);
                ids.executeUpdate();
                job.setString(1, jobId);
                job.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot forget bulk job " + jobId, e);
        }
    }
}
