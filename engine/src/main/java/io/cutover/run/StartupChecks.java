package io.cutover.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cutover.config.ConfigurationProblems;
import io.cutover.load.TargetChoice;
import io.cutover.mapping.MappingCatalog;
import io.cutover.plan.RecordSelection;
import io.cutover.reverse.ReverseMappings;
import io.cutover.sync.SyncSettings;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks what users edit before Camel loads any route: the route files must be valid YAML, the mapping files must
 * hold together, and a migration needs a target it can load into. A problem stops the start with one message naming the file, the line or key, and the problem.
 */
@ApplicationScoped
public class StartupChecks {

    private static final YAMLMapper YAML = new YAMLMapper();

    @ConfigProperty(name = "camel.main.routes-include-pattern")
    String routesIncludePattern;

    void beforeRoutesLoad(@Observes BeforeConfigure event, Instance<MappingCatalog> mappings, Instance<TargetChoice> target,
            Instance<SyncSettings> sync, Instance<ReverseMappings> reverse, Instance<RecordSelection> selection,
            MigrationLauncher launcher) {
        ConfigurationProblems problems = new ConfigurationProblems("the route files");
        for (Path file : routeFiles()) {
            try {
                YAML.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                problems.addYamlSyntax(file, e);
            } catch (IOException e) {
                problems.add(file, "cannot be read: " + e.getMessage());
            }
        }
        problems.throwIfAny();
        if (launcher.runMode().preparesMapping()) {
            // These commands run no route; the migration's routes would need a target they do not call.
            event.getMain().configure().setRoutesCollectorEnabled(false);
        }
        // Exporting the org's schema comes before mappings can be checked against it; auto-mapping, before they exist.
        if (launcher.runMode() != RunMode.EXPORT_SCHEMA && launcher.runMode() != RunMode.AUTO_MAP) {
            mappings.get();
        }
        // Only a migration loads into the target.
        if (launcher.runMode() == RunMode.SERVE || launcher.runMode() == RunMode.ONCE) {
            target.get().check();
            sync.get().check();
            reverse.get().check();
            selection.get().check();
        }
    }

    /** The files the {@code file:} entries of Camel's routes include pattern select, relative to the working folder. */
    private List<Path> routeFiles() {
        List<Path> files = new ArrayList<>();
        for (String entry : routesIncludePattern.split(",")) {
            if (!entry.trim().startsWith("file:")) {
                continue;
            }
            Path pattern = Path.of(entry.trim().substring("file:".length()));
            Path dir = pattern.getParent() == null ? Path.of(".") : pattern.getParent();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(dir)) {
                listing.filter(f -> matcher.matches(f.getFileName())).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new ConfigurationException("Cutover cannot start: cannot list the route folder " + dir + ": " + e.getMessage());
            }
        }
        return files;
    }
}
