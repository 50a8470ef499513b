package io.cutover.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The org's users, so that a migration can find owners by e-mail or username as it would in a real org: the sandbox's
 * own user (the one every client logs in as, owner of what it creates), and the users of the CSV file
 * {@code cutover.sandbox.users}. Created when the sandbox starts, unless a user with the Username exists, and again
 * after an admin reset.
 */
@ApplicationScoped
public class SandboxUsers {

    /** What a user needs and a users file may leave out: the settings of a new user in an English-speaking org. */
    private static final Map<String, String> DEFAULTS = Map.of("TimeZoneSidKey", "GMT", "LocaleSidKey", "en_US",
            "EmailEncodingKey", "UTF-8", "LanguageLocaleKey", "en_US",
            "ProfileId", SalesforceIds.to18("00e8d000000Std1"));
    private static final List<String> REQUIRED_COLUMNS = List.of("Username", "Email", "LastName");

    @Inject
    SandboxConfig config;

    @Inject
    TargetSchema schema;

    @Inject
    RecordStore store;

    @Inject
    RecordValidator validator;

    @Inject
    RecordWriter writer;

    void createAtStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            create();
        }
    }

    /** Creates the users the org does not have yet. */
    void create() {
        SObjectDescribe user = schema.find("User").orElseThrow(() -> new IllegalStateException(
                "The target schema has no User describe; the sandbox's users cannot be created"));
        List<String> problems = new ArrayList<>();
        store.write(org -> {
            Map<String, String> self = new LinkedHashMap<>();
            self.put("Username", config.username());
            self.put("Email", config.username());
            self.put("FirstName", "Cutover");
            self.put("LastName", "Sandbox");
            createIfMissing(user, self, OAuthResource.USER_ID, org)
                    .forEach(error -> problems.add("the sandbox's own user: " + error));
            for (Map.Entry<String, Map<String, String>> line : usersFile().entrySet()) {
                createIfMissing(user, line.getValue(), null, org).forEach(error -> problems.add(line.getKey() + ": " + error));
            }
            if (!problems.isEmpty()) {
                org.setRollbackOnly();
            }
            return null;
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Cutover cannot start: the sandbox's users cannot be created:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** The errors that prevented the user's creation; none when created, or when the Username exists already. */
    private List<String> createIfMissing(SObjectDescribe user, Map<String, String> fields, String id, OrgTransaction org)
            throws SQLException {
        String username = fields.get("Username");
        if (!org.idsByKey("User", "Username", username.toLowerCase(Locale.ROOT)).isEmpty()) {
            return List.of();
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        DEFAULTS.forEach(input::put);
        input.put("Alias", alias(fields));
        fields.forEach((field, value) -> {
            if (!value.isEmpty()) {
                input.put(field, value);
            }
        });
        RecordValidator.Outcome outcome = validator.validate(user, input, true, "Id", org);
        if (!outcome.valid()) {
            return outcome.errors().stream().map(error -> error.statusCode() + " " + error.message()).toList();
        }
        RecordWriter.Saved saved = writer.create(user, outcome.values(), org, id);
        return saved.error() == null ? List.of() : List.of(saved.error().statusCode() + " " + saved.error().message());
    }

    /** Salesforce's default alias: the first letter of the first name and the first four of the last name. */
    private static String alias(Map<String, String> fields) {
        String first = fields.getOrDefault("FirstName", "");
        String last = fields.get("LastName");
        String alias = (first.isEmpty() ? "" : first.substring(0, 1)) + last.substring(0, Math.min(4, last.length()));
        return alias.toLowerCase(Locale.ROOT);
    }

    /** The users of the file, by "file line N"; none when no file is configured. */
    private Map<String, Map<String, String>> usersFile() {
        if (config.users().isEmpty()) {
            return Map.of();
        }
        Path file = config.users().get();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(reader)) {
            List<String> missing = REQUIRED_COLUMNS.stream().filter(column -> !parser.getHeaderMap().containsKey(column))
                    .toList();
            if (!missing.isEmpty()) {
                throw new ConfigurationException("Cutover cannot start: cutover.sandbox.users: " + file + " has no column "
                        + String.join(", ", missing) + " (columns: " + parser.getHeaderNames() + ")");
            }
            Map<String, Map<String, String>> users = new LinkedHashMap<>();
            for (CSVRecord line : parser) {
                users.put(file.getFileName() + " line " + (line.getRecordNumber() + 1), line.toMap());
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox's users, cutover.sandbox.users: " + file, e);
        }
    }
}
