package io.cutover.run;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL server on this machine (127.0.0.1:5432, trust authentication, as on the project's machines; .ci/run
 * starts it when it is down), with a database of the tests' own created on first use.
 */
public class LocalPostgres implements QuarkusTestResourceLifecycleManager {

    static final String SERVER = System.getProperty("cutover.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String DATABASE = "cutover_test";
    public static final String USER = "postgres";

    @Override
    public Map<String, String> start() {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL tests need a server at " + SERVER
                    + " (user " + USER + ", trust authentication): " + e.getMessage(), e);
        }
        return Map.of("cutover.state-store.url", SERVER + DATABASE, "cutover.state-store.username", USER);
    }

    /** A database of this name, dropped first if it exists: its URL. */
    public static String freshDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL tests need a server at " + SERVER
                    + " (user " + USER + ", trust authentication): " + e.getMessage(), e);
        }
        return SERVER + name;
    }

    @Override
    public void stop() {
    }
}
