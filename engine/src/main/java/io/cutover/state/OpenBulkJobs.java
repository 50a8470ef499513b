package io.cutover.state;

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
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Bulk API 2.0 jobs closed and not yet collected, per run and object, with the external ids of their records: what a
 * run killed while its jobs ran needs to collect their results instead of uploading the records again.
 */
@ApplicationScoped
public class OpenBulkJobs {

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
                    PreparedStatement records = connection.prepareStatement(
                            "insert into bulk_job_record (job_id, external_id) values (?, ?)")) {
                job.setString(1, jobId);
                job.setString(2, runId);
                job.setString(3, object);
                job.setTimestamp(4, Timestamp.from(Instant.now()));
                job.executeUpdate();
                for (String externalId : externalIds) {
                    records.setString(1, jobId);
                    records.setString(2, externalId);
                    records.addBatch();
                }
                records.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot remember bulk job " + jobId + " of run " + runId, e);
        }
    }

    /** The jobs of the run and object not collected yet, oldest first, with the external ids of their records. */
    public Map<String, Set<String>> of(String runId, String object) {
        Map<String, Set<String>> jobs = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select j.job_id, r.external_id from bulk_job j join bulk_job_record r on r.job_id = j.job_id
                        where j.run_id = ? and j.object_name = ? order by j.closed_at, j.job_id
                        """)) {
            select.setString(1, runId);
            select.setString(2, object);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    jobs.computeIfAbsent(row.getString(1), job -> new HashSet<>()).add(row.getString(2));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the open bulk jobs of run " + runId, e);
        }
    }

    /** The job's results are in the records: it is no longer open. */
    public void forget(String jobId) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement records = connection.prepareStatement("delete from bulk_job_record where job_id = ?");
                    PreparedStatement job = connection.prepareStatement("delete from bulk_job where job_id = ?")) {
                records.setString(1, jobId);
                records.executeUpdate();
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
