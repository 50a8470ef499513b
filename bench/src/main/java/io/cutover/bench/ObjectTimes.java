package io.cutover.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Records per second per object of a finished run, from its state store: objects are read and loaded one after the
 * other in dependency order, so an object's time runs from the previous object's last outcome (the run's start for the
 * first) to its own last one. Usage: {@code ObjectTimes DATA_DIR RUN_START} (RUN_START as the report gives it).
 */
public final class ObjectTimes {

    public static void main(String[] args) throws SQLException {
        String url = "jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath() + "/state/cutover;ACCESS_MODE_DATA=r";
        Instant previous = Instant.parse(args[1]);
        try (Connection connection = DriverManager.getConnection(url, "cutover", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select object_name, count(*), max(recorded_at) from outcome "
                        + "group by object_name order by max(recorded_at)")) {
            while (rows.next()) {
                // written and read in the JVM's time zone, as the engine writes it
                Instant last = rows.getTimestamp(3).toInstant();
                double seconds = Duration.between(previous, last).toMillis() / 1000.0;
                System.out.printf("  %s: %,d records in %.1f s, %,.0f records/s%n", rows.getString(1), rows.getLong(2),
                        seconds, rows.getLong(2) / Math.max(seconds, 0.001));
                previous = last;
            }
        }
    }
}
