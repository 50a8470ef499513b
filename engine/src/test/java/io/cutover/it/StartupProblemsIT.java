package io.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A broken file a user edits stops the start with one clear message naming the file, the line or key, and the problem. */
class StartupProblemsIT {

    @Test
    void aBrokenMappingFileNamesTheFileTheKeyAndTheProblem() throws Exception {
        Path mappings = copyOf("mappings");
        Path contact = mappings.resolve("contact.yaml");
        Files.writeString(contact, Files.readString(contact)
                .replace("  Email: email\n", "  Emial: email\n")
                .replace("  Phone: phone\n", "  Phone: telephone\n"));

        PackagedApplication app = PackagedApplication.start("-Dcutover.sandbox.enabled=true", "-Dcutover.mapping.dir=" + mappings);

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output())
                .contains("Cutover cannot start: the mapping files have 2 problems:")
                .contains(contact + ": fields.Emial: Contact has no field Emial")
                .contains(contact + ": fields.Phone: column 'telephone' is not in")
                .doesNotContain("\tat ");
    }

    @Test
    void aSecondExportOfAnObjectWithoutASourceNameNamesBothDescriptions() throws Exception {
        Path sources = copyOf("sources");
        Path second = Files.writeString(sources.resolve("accounts-more.yaml"),
                "object: Account\nfile: accounts.csv\nlegacyId: account_id\n");

        PackagedApplication app = PackagedApplication.start("-Dcutover.sandbox.enabled=true",
                "-Dcutover.sources.dir=" + sources);

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("Cutover cannot start: the source descriptions have a problem:")
                .contains(sources.resolve("accounts.yaml") + ": object: Account is already described by " + second
                        + "; several exports of one object each name their source (source: fr)")
                .doesNotContain("\tat ");
    }

    @Test
    void aRouteFileThatIsNotYamlNamesTheFileAndTheLine() throws Exception {
        Path routes = copyOf("routes");
        Path migration = routes.resolve("migration.yaml");
        Files.writeString(migration, Files.readString(migration).replace("    routeTemplateRef: read-object\n    routeId: read-Contact\n",
                "    routeTemplateRef: read-object\n   routeId: [read-Contact\n"));

        PackagedApplication app = PackagedApplication.start("-Dcutover.sandbox.enabled=true",
                "-Dcamel.main.routes-include-pattern=file:" + routes + "/*.yaml");

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).containsPattern("Cutover cannot start: the route files have a problem:\\s+"
                + java.util.regex.Pattern.quote(migration.toString()) + ":\\d+:\\d+: not valid YAML: ")
                .doesNotContain("\tat ");
    }

    @Test
    void aSettingOutOfItsRangeNamesTheKeyAndTheRange() throws Exception {
        PackagedApplication app = PackagedApplication.start("-Dcutover.sandbox.enabled=true",
                "-Dcutover.load.batch-size=0", "-Dcutover.load.outage.max-wait=0s", "-Dcutover.reconcile.sample=some",
                "-Dcutover.run.dry-run-sample=0", "-Dcutover.reverse-sync.batch-size=0",
                "-Dcutover.sync.queue.max-attempts=0", "-Dcutover.sync.poll-interval.Contact=0s",
                "-Dcutover.enrich.values-per-query=0", "-Dcutover.profile.phone-region=de");

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("Configuration validation failed:")
                .contains("cutover.load.batch-size must be greater than or equal to 1")
                .contains("cutover.load.outage.max-wait must be longer than or equal to 1 milli")
                .contains("cutover.reconcile.sample must be all, a number of records per object (500) or a share of them (10%)")
                .contains("cutover.run.dry-run-sample must be greater than 0")
                .contains("cutover.reverse-sync.batch-size must be greater than 0")
                .contains("cutover.sync.queue.max-attempts must be greater than 0")
                .contains("cutover.sync.poll-interval.Contact must be longer than or equal to 1 milli")
                .contains("cutover.enrich.values-per-query must be greater than 0")
                .contains("cutover.profile.phone-region must be a region code in capitals, such as US or DE")
                .doesNotContain("\tat ");
    }

    @Test
    void aWrongTargetSettingNamesTheKeyAndNoSecret() throws Exception {
        PackagedApplication app = PackagedApplication.start(Map.of("CUTOVER_TARGET_CLIENT_SECRET", "client-secret-4711",
                "CUTOVER_TARGET_PASSWORD", "password-4711", "CUTOVER_TARGET_REFRESH_TOKEN", "refresh-token-4711",
                "CUTOVER_TARGET_KEYSTORE_PASSWORD", "keystore-password-4711"), "-Dcutover.sandbox.enabled=true",
                "-Dcutover.target.api-version=60", "-Dcutover.target.max-answer-bytes=0");

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("Configuration validation failed:")
                .contains("cutover.target.api-version must be a Salesforce API version such as 60.0")
                .contains("cutover.target.max-answer-bytes must be greater than 0")
                .doesNotContain("4711")
                .doesNotContain("\tat ");
    }

    @Test
    void aWrongOrMisspelledFolderStoreOrRunSettingNamesTheKeyAndNoSecret() throws Exception {
        PackagedApplication app = PackagedApplication.start("-Dcutover.sandbox.enabled=true",
                "-Dcutover.read.commit-interval=0", "-Dcutover.progress.interval=0s", "-Dcutover.state-store=mysql",
                "-Dcutover.schema.export-objects=,", "-Dcutover.sources.folder=sources", "-Dcutover.export.folder=export",
                "-Dcutover.mapping.folder=mappings", "-Dcutover.requeue.folder=fixed", "-Dcutover.rollback.run=run-1",
                "-Dcutover.control.tokn=token-4711",
                "-Dcutover.state-store.pasword=password-4711");

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("Configuration validation failed:")
                .contains("cutover.read.commit-interval must be greater than 0")
                .contains("cutover.progress.interval must be longer than or equal to 1 milli")
                .contains("cutover.state-store must be h2 or postgresql")
                .contains("cutover.schema.export-objects")
                .contains("cutover.sources.folder", "cutover.export.folder", "cutover.mapping.folder", "cutover.requeue.folder",
                        "cutover.rollback.run", "cutover.control.tokn",
                        "cutover.state-store.pasword")
                .doesNotContain("4711")
                .doesNotContain("\tat ");
    }

    @Test
    void aPollIntervalOfEveryObjectThatIsNoneNamesTheKey() throws Exception {
        PackagedApplication app = PackagedApplication.start("-Dcutover.sandbox.enabled=true", "-Dcutover.sync.poll-interval=0s");

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("Cutover cannot start: cutover.sync.poll-interval is '0s'; it must be longer than 0")
                .doesNotContain("\tat ");
    }

    @Test
    void aCutoffDateWithNothingToCompareItWithNamesTheKey() throws Exception {
        // the top level's mappings: accounts and contacts, neither with a cutoff: column; no mapping maps Task
        PackagedApplication app = PackagedApplication.start("-Dcutover.sandbox.enabled=true",
                "-Dcutover.run.cutoff.Account=2024-01-01", "-Dcutover.run.cutoff.Task=2024-01-01");

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("Cutover cannot start: ")
                .contains("cutover.run.cutoff.Task: no mapping file maps the object Task")
                .contains("cutover.run.cutoff.Account: mappings/account.yaml names no date column to compare it with")
                .doesNotContain("\tat ");
    }

    @Test
    void aCutoffThatIsNoDateNamesTheKey() throws Exception {
        PackagedApplication app = PackagedApplication.start("-Dcutover.sandbox.enabled=true",
                "-Dcutover.run.cutoff.Account=01/01/2024");

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("cutover.run.cutoff.Account").contains("01/01/2024").doesNotContain("\tat ");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKeyAndTheValue() throws Exception {
        PackagedApplication app = PackagedApplication.start("-Dcutover.sandbox.enabled=true", "-Dcutover.load.parallelism=two",
                "-Dcutover.matching.mode=mrege");

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("The config property cutover.load.parallelism with the config value \"two\"")
                .contains("Expected an integer value, got \"two\"")
                .contains("The config property cutover.matching.mode with the config value \"mrege\"")
                .contains("allowed values: review,merge,off")
                .doesNotContain("\tat ");
    }

    @Test
    void withoutATargetNorTheSandboxTheStartSaysWhatToConfigure() throws Exception {
        PackagedApplication app = PackagedApplication.start();

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("Cutover cannot start: no target is configured. Set cutover.target.login-url")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnknownModeNamesTheValueAndTheModes() throws Exception {
        PackagedApplication app = PackagedApplication.start("-Dcutover.sandbox.enabled=true", "-Dcutover.mode=onse");

        assertThat(app.exitCode()).isEqualTo(1);
        assertThat(app.output()).contains("Cutover cannot start: cutover.mode is 'onse'; it is one of [serve, once, requeue, rollback, reconcile, export-schema, auto-map, profile, mapping-doc]")
                .doesNotContain("\tat ");
    }

    private static Path copyOf(String folder) throws Exception {
        Path copy = Files.createTempDirectory(Path.of("target"), folder + "-").toAbsolutePath();
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
