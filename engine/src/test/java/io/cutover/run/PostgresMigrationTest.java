package io.cutover.run;

import io.cutover.state.StateStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The ledger's SQL on PostgreSQL: a first run loads, a second finds every record unchanged. */
@QuarkusTest
@TestProfile(PostgresStateStore.class)
class PostgresMigrationTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    @StateStore
    DataSource state;

    @Test
    void theLedgerOnPostgresqlMakesTheSecondRunLoadNothing() throws SQLException {
        try (Connection connection = state.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        given().post("/sandbox/admin/reset").then().statusCode(200);

        RunReport first = launcher.runNow();
        RunReport second = launcher.runNow();

        assertThat(first.objects().get("Account")).isEqualTo(new ObjectCounts(50, 50, 0, 0, 0, 0, 0, 0));
        assertThat(first.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 150, 0, 0, 0, 0, 0, 0));
        assertThat(second.objects().get("Account")).isEqualTo(new ObjectCounts(50, 0, 0, 50, 0, 0, 0, 0));
        assertThat(second.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 0, 0, 150, 0, 0, 0, 0));
    }
}
