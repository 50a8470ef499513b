package io.cutover.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's two boundaries (docs/architecture.md), as ArchUnit rules on the compiled classes: they see every
 * reference, a fully qualified name in a method body as well as an import.
 */
final class EngineBoundaries {

    /** The Salesforce sandbox, the legacy CRM and the generic CRM simulators, with their stores and settings. */
    static final String SIMULATORS = "io.cutover.sandbox..";
    static final String STATE = "io.cutover.state..";
    /** JDBC and what stands on it: the pool, the migrations, the drivers of the state store's two databases. */
    static final String[] JDBC = {"java.sql..", "javax.sql..", "io.agroal..", "org.flywaydb..", "org.h2..", "org.postgresql.."};

    static final ArchRule ENGINE_DOES_NOT_USE_THE_SIMULATORS = noClasses()
            .that().resideInAPackage("io.cutover..").and().resideOutsideOfPackage(SIMULATORS)
            .should().dependOnClassesThat().resideInAPackage(SIMULATORS)
            .because("the engine reaches the simulators over HTTP as it reaches the real systems, and ships without them");

    static final ArchRule ONLY_STATE_SPEAKS_SQL = noClasses()
            .that().resideInAPackage("io.cutover..").and().resideOutsideOfPackages(STATE, SIMULATORS)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC)
            .because("state/ owns every table, and the stages call it per chunk or per batch");

    private EngineBoundaries() {
    }
}
