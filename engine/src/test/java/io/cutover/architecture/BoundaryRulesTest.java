package io.cutover.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.cutover.architecture.fixture.AsksTheSimulator;
import io.cutover.architecture.fixture.ReadsTheLedgerOverJdbc;
import io.cutover.architecture.fixture.ReadsTheLegacyCrmSettings;
import io.cutover.architecture.fixture.StaysInItsLane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each boundary check of BoundariesTest fails on code that crosses the boundary, and passes code that does not. */
class BoundaryRulesTest {

    private static final SqlText SQL = SqlText.forTables(List.of("ledger", "outcome"));

    @Test
    void theSimulatorRuleRefusesAStageThatNamesTheSandboxOrTheLegacyCrm() {
        assertThatThrownBy(() -> EngineBoundaries.ENGINE_DOES_NOT_USE_THE_SIMULATORS.check(classes(AsksTheSimulator.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("io.cutover.sandbox.SalesforceIds");
        assertThatThrownBy(() -> EngineBoundaries.ENGINE_DOES_NOT_USE_THE_SIMULATORS.check(classes(ReadsTheLegacyCrmSettings.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("io.cutover.sandbox.legacy.LegacyCrmConfig");
    }

    @Test
    void theJdbcRuleRefusesAStageThatQueriesTheStoreItself() {
        assertThatThrownBy(() -> EngineBoundaries.ONLY_STATE_SPEAKS_SQL.check(classes(ReadsTheLedgerOverJdbc.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("java.sql.Connection");
    }

    @Test
    void bothRulesLetAStageInItsLaneBe() {
        JavaClasses inItsLane = classes(StaysInItsLane.class);
        EngineBoundaries.ENGINE_DOES_NOT_USE_THE_SIMULATORS.check(inItsLane);
        EngineBoundaries.ONLY_STATE_SPEAKS_SQL.check(inItsLane);
    }

    @Test
    void theSqlScanFindsStatementsInStringsAndTextBlocks(@TempDir Path folder) throws IOException {
        Path stage = Files.writeString(folder.resolve("Stage.java"), """
                class Stage {
                    String staged = "insert into outcome (run_id, legacy_id) values (?, ?)";
                    String loaded = "UPDATE " + table() + " SET outcome = 'LOADED' WHERE run_id = ?";
                    String removed = "delete from staging where run_id = ?";
                    String known = \"""
                            select target_id
                              from ledger
                             where legacy_id = ?
                            \""";
                    String table() { return "ledger"; }
                }
                """);

        assertThat(SQL.findIn(List.of(stage))).extracting(hit -> hit.substring(stage.toString().length() + 1, hit.indexOf(": ")))
                .containsExactly("2", "3", "4", "5");
    }

    @Test
    void theSqlScanLetsSoqlCommentsAndMessagesBe(@TempDir Path folder) throws IOException {
        Path stage = Files.writeString(folder.resolve("Stage.java"), """
                class Stage {
                    // insert into outcome, once per chunk: delete from ledger never happens here
                    String soql = "SELECT Id, Legacy_Id__c FROM " + object() + " WHERE Legacy_Id__c IN (?)";
                    String users = "SELECT Id, Email FROM User WHERE IsActive = true";
                    String message = "Selected records from the ledger are updated in the next pass";
                    String object() { return "Account"; }
                }
                """);

        assertThat(SQL.findIn(List.of(stage))).isEmpty();
    }

    @Test
    void theRouteScanFindsSqlEndpointsAndSimulatorClasses() {
        List<String> route = List.of(
                "- route:",
                "    from: {uri: \"direct:staged\"}",
                "    steps:",
                "      - to: \"sql:select target_id from ledger?dataSource=#cutover\"",
                "      - to: \"jdbc:cutover\"",
                "      - bean: {beanType: io.cutover.sandbox.legacy.LegacyCrmData}",
                "      - log: \"sql: none here\"");

        assertThat(RouteText.crossings("route.yaml", route)).extracting(hit -> hit.substring(0, hit.indexOf(": ")))
                .containsExactly("route.yaml:4", "route.yaml:5", "route.yaml:6");
    }

    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
