package io.cutover.mapping.automap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The column names legacy CRMs use for target fields, in several languages, from the resource
 * {@code mapping/field-synonyms.yaml}: kept as data so that a new synonym is a line in a file, not a code change.
 */
public final class FieldSynonyms {

    static final String RESOURCE = "mapping/field-synonyms.yaml";
    /** The key whose synonyms hold for a field of that name on every object. */
    private static final String ANY_OBJECT = "any";

    /** One synonym: the field it names, the object it holds for (null: any), its language and its text as {@link HeaderNames#compact} makes it. */
    public record Synonym(String object, String field, String language, String text, String compact) {}

    private final List<Synonym> synonyms;

    private FieldSynonyms(List<Synonym> synonyms) {
        this.synonyms = List.copyOf(synonyms);
    }

    public static FieldSynonyms builtIn() {
        try (InputStream in = FieldSynonyms.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing from the application");
            }
            return of(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the resource " + RESOURCE, e);
        }
    }

    /** From the document's shape: object (or {@code any}) → field → language → list of names. */
    static FieldSynonyms of(JsonNode root) {
        List<Synonym> synonyms = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> objects = root.fields(); objects.hasNext();) {
            Map.Entry<String, JsonNode> object = objects.next();
            String objectName = ANY_OBJECT.equals(object.getKey()) ? null : object.getKey();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.getValue().fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                for (Iterator<Map.Entry<String, JsonNode>> languages = field.getValue().fields(); languages.hasNext();) {
                    Map.Entry<String, JsonNode> language = languages.next();
                    for (JsonNode text : language.getValue()) {
                        synonyms.add(new Synonym(objectName, field.getKey(), language.getKey(), text.asText(),
                                HeaderNames.compact(text.asText())));
                    }
                }
            }
        }
        return new FieldSynonyms(synonyms);
    }

    /** The languages the synonyms of the object's field are given in, those for any object included. */
    public Set<String> languages(String object, String field) {
        return synonyms.stream().filter(s -> s.field().equals(field) && (s.object() == null || object.equalsIgnoreCase(s.object())))
                .map(Synonym::language).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The synonym a compacted column name is, for the object; one for that object before one for any object. */
    public Optional<Synonym> find(String object, String compactColumn) {
        Optional<Synonym> forObject = synonyms.stream()
                .filter(s -> object.equalsIgnoreCase(s.object()) && s.compact().equals(compactColumn)).findFirst();
        return forObject.isPresent() ? forObject
                : synonyms.stream().filter(s -> s.object() == null && s.compact().equals(compactColumn)).findFirst();
    }
}
