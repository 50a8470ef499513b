package io.cutover.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The groups of fields of which the org requires one on create, though the describe shows each as nillable (a
 * CampaignMember's ContactId or LeadId), from {@code schema/required-one-of.yaml}: data, so that another such rule
 * needs no code.
 */
@ApplicationScoped
public class RequiredOneOf {

    static final String RESOURCE = "schema/required-one-of.yaml";

    private final Map<String, List<List<String>>> groupsByObject = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    @PostConstruct
    void load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing built-in resource " + RESOURCE);
            }
            Map<String, List<List<String>>> read = new ObjectMapper(new YAMLFactory()).readValue(in,
                    new TypeReference<Map<String, List<List<String>>>>() {
                    });
            if (read != null) {
                groupsByObject.putAll(read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read built-in resource " + RESOURCE, e);
        }
    }

    /** The object's groups; a record being created needs a value for at least one field of each. */
    public List<List<String>> of(String objectName) {
        return groupsByObject.getOrDefault(objectName, List.of());
    }
}
