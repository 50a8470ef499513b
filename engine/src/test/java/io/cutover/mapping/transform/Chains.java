package io.cutover.mapping.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cutover.config.ConfigurationProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Transform chains read from the YAML a mapping file would hold, as the application reads them. */
final class Chains {

    static final Path FILE = Path.of("mappings/test.yaml");
    /** Compiles the jsonpath steps, as the application's Camel context does. */
    private static final CamelContext CAMEL = new DefaultCamelContext();

    private Chains() {}

    static TransformChain parse(String transformsYaml) {
        return parse(FILE, transformsYaml);
    }

    static TransformChain parse(Path file, String transformsYaml) {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        TransformParser.Parsed parsed = new TransformParser(file, problems, CAMEL).parse("fields.F.transforms", yaml(transformsYaml));
        problems.throwIfAny();
        return parsed.chain();
    }

    /** The start-up message the transforms cause. */
    static String problems(String transformsYaml) {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        TransformParser.Parsed parsed = new TransformParser(FILE, problems, CAMEL).parse("fields.F.transforms", yaml(transformsYaml));
        assertThat(parsed).as("a chain with problems is not built").isNull();
        return catchThrowable(problems::throwIfAny).getMessage();
    }

    static String apply(String transformsYaml, String value) throws Rejection {
        return parse(transformsYaml).apply(value, Map.of());
    }

    static Rejection rejection(String transformsYaml, String value) {
        Throwable thrown = catchThrowable(() -> apply(transformsYaml, value));
        assertThat(thrown).isInstanceOf(Rejection.class);
        return (Rejection) thrown;
    }

    private static JsonNode yaml(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
