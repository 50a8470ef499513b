package io.cutover.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's boundaries, checked on the product: {@code state/} is the one package that speaks SQL, and nothing in
 * the engine uses the built-in simulators (all under {@code sandbox/}). BoundaryRulesTest shows that each check fails
 * on code that crosses them.
 */
class BoundariesTest {

    private static final Path ENGINE = Path.of("engine/src/main/java/io/cutover");
    /** The module the engine is built with: the Salesforce schema, which the same boundaries hold. */
    private static final Path SCHEMA = Path.of("salesforce-schema/src/main/java/io/cutover");
    private static final Path ROUTES = Path.of("routes");

    private static JavaClasses engine;

    @BeforeAll
    static void importTheProduct() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cutover");
    }

    @Test
    void theEngineDoesNotUseTheSimulators() {
        EngineBoundaries.ENGINE_DOES_NOT_USE_THE_SIMULATORS.check(engine);
    }

    @Test
    void onlyTheStatePackageUsesJdbc() {
        EngineBoundaries.ONLY_STATE_SPEAKS_SQL.check(engine);
    }

    @Test
    void noSqlTextOutsideTheStatePackage() {
        SqlText sql = SqlText.forTablesOf(Path.of("engine/src/main/resources/db/migration"));
        List<Path> outsideState = Stream.of(ENGINE, SCHEMA).flatMap(module -> SqlText.javaFilesBelow(module).stream())
                .filter(file -> !file.startsWith(ENGINE.resolve("state")))
                .toList();
        assertThat(sql.findIn(outsideState)).isEmpty();
        assertThat(sql.findIn(ENGINE.resolve("state"))).as("the state package's SQL is found where it is").isNotEmpty();
    }

    @Test
    void theRoutesNameNoSimulatorClassAndNoSqlEndpoint() throws IOException {
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> routes = Files.walk(ROUTES)) {
            for (Path route : routes.filter(file -> file.toString().endsWith(".yaml")).sorted().toList()) {
                crossings.addAll(RouteText.crossings(route.toString(), Files.readAllLines(route)));
            }
        }
        assertThat(crossings).isEmpty();
    }
}
