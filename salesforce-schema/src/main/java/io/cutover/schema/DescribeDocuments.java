package io.cutover.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The describe JSON documents of the target org, exactly as Salesforce sends them, with the custom-field overlay merged
 * in. Built-in documents come from the classpath ({@code schema/}); {@code cutover.schema.dir} can replace or add
 * objects with describes exported from the user's own org and extend the overlay.
 */
@ApplicationScoped
public class DescribeDocuments {

    static final String GLOBAL = "Global.json";
    static final String OVERLAY = "custom-fields.yaml";
    private static final String BUILT_IN = "schema/";

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @ConfigProperty(name = "cutover.schema.dir")
    Optional<Path> schemaDir;

    private final Map<String, ObjectNode> describes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private ObjectNode global;

    @PostConstruct
    void load() {
        global = (ObjectNode) readClasspath(BUILT_IN + "describe/" + GLOBAL);
        for (String file : readClasspathText(BUILT_IN + "describe/index.txt").split("\\R")) {
            // '#' lines say where the describes come from: recorded from an org, or written after Salesforce's reference
            if (!file.isBlank() && !file.strip().startsWith("#")) {
                addDescribe((ObjectNode) readClasspath(BUILT_IN + "describe/" + file.strip()));
            }
        }
        ObjectNode fieldDefaults = (ObjectNode) readClasspath(BUILT_IN + "custom-field-defaults.json");
        applyOverlay(readYaml(BUILT_IN + OVERLAY), fieldDefaults);
        schemaDir.ifPresent(dir -> loadUserSchema(dir, fieldDefaults));
        listEveryDescribedObjectInGlobal();
    }

    public Optional<ObjectNode> describe(String objectName) {
        return Optional.ofNullable(describes.get(objectName));
    }

    public Set<String> objectNames() {
        return Collections.unmodifiableSet(describes.keySet());
    }

    /** The describe-global document ({@code GET /sobjects}). */
    public ObjectNode global() {
        return global;
    }

    private void loadUserSchema(Path dir, ObjectNode fieldDefaults) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("cutover.schema.dir is not a folder: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                JsonNode document = json.readTree(file.toFile());
                if (file.getFileName().toString().equals(GLOBAL)) {
                    global = (ObjectNode) document;
                } else {
                    addDescribe((ObjectNode) document);
                }
            }
            Path overlay = dir.resolve(OVERLAY);
            if (Files.exists(overlay)) {
                applyOverlay(yaml.readTree(overlay.toFile()), fieldDefaults);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the target schema in " + dir.toAbsolutePath(), e);
        }
    }

    private void addDescribe(ObjectNode describe) {
        if (!describe.hasNonNull("name") || !describe.has("fields")) {
            throw new IllegalStateException("Not an sObject describe document (no name or fields): "
                    + describe.path("name").asText("?"));
        }
        describes.put(describe.get("name").asText(), describe);
    }

    private void applyOverlay(JsonNode overlay, ObjectNode fieldDefaults) {
        if (overlay == null || overlay.isMissingNode() || overlay.isNull()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> objects = overlay.fields(); objects.hasNext();) {
            Map.Entry<String, JsonNode> object = objects.next();
            ObjectNode describe = describe(object.getKey()).orElseThrow(() -> new IllegalStateException(
                    OVERLAY + " adds fields to " + object.getKey() + ", which has no describe document"));
            ArrayNode fields = (ArrayNode) describe.get("fields");
            for (JsonNode customField : object.getValue()) {
                String name = customField.path("name").asText("");
                if (name.isEmpty()) {
                    throw new IllegalStateException(OVERLAY + ": a field of " + object.getKey() + " has no name");
                }
                if (!hasField(fields, name)) {
                    fields.add(completeField((ObjectNode) customField, fieldDefaults));
                }
            }
        }
    }

    private ObjectNode completeField(ObjectNode customField, ObjectNode fieldDefaults) {
        ObjectNode field = fieldDefaults.deepCopy();
        field.setAll(customField.deepCopy());
        if (!customField.has("label")) {
            field.put("label", customField.get("name").asText());
        }
        if (!customField.has("idLookup")) {
            field.put("idLookup", field.path("externalId").asBoolean());
        }
        if (!customField.has("byteLength")) {
            field.put("byteLength", field.path("length").asInt() * 3);
        }
        if (!customField.has("soapType")) {
            field.put("soapType", SoapTypes.of(field.path("type").asText()));
        }
        return field;
    }

    private static boolean hasField(ArrayNode fields, String name) {
        for (JsonNode field : fields) {
            if (field.path("name").asText().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Objects from a user's folder may be missing from the global list; Salesforce lists every object there. */
    private void listEveryDescribedObjectInGlobal() {
        ArrayNode listed = (ArrayNode) global.withArray("sobjects");
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        listed.forEach(entry -> names.add(entry.path("name").asText()));
        List<String> entryKeys = listed.isEmpty() ? List.of("name", "label", "keyPrefix", "custom")
                : iteratorToList(listed.get(0).fieldNames());
        for (ObjectNode describe : describes.values()) {
            if (!names.contains(describe.get("name").asText())) {
                ObjectNode entry = listed.addObject();
                entryKeys.forEach(key -> entry.set(key, describe.get(key)));
            }
        }
    }

    private static List<String> iteratorToList(Iterator<String> iterator) {
        List<String> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private JsonNode readClasspath(String resource) {
        try (InputStream in = open(resource)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read built-in schema resource " + resource, e);
        }
    }

    private JsonNode readYaml(String resource) {
        try (InputStream in = open(resource)) {
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read built-in schema resource " + resource, e);
        }
    }

    private String readClasspathText(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read built-in schema resource " + resource, e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing from the classpath");
        }
        return in;
    }
}
