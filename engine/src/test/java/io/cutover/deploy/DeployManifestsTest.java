package io.cutover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in deploy/kubernetes, read as Kubernetes would (kubectl is not installable here): the
 * workloads probe /q/health on the management port, mount what they name, take their secrets from Secrets that exist
 * (in the manifests or in docs/deploy.md's commands), and set only environment variables Cutover reads.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("deploy/kubernetes");
    /** Every module's Java sources: the keys a deployment may set are read in any of them. */
    private static final List<Path> MODULE_SOURCES = List.of(Path.of("engine/src/main/java"),
            Path.of("salesforce-schema/src/main/java"), Path.of("simulators/src/main/java"));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void workloadsProbeHealthAndMountWhatTheyName() throws IOException {
        List<JsonNode> manifests = manifests();
        List<JsonNode> workloads = manifests.stream()
                .filter(m -> Set.of("Deployment", "Job").contains(m.path("kind").asText())).toList();
        assertThat(workloads).extracting(m -> m.path("metadata").path("name").asText())
                .contains("cutover", "cutover-migrate");
        Set<String> claims = names(manifests, "PersistentVolumeClaim");
        Set<String> secrets = names(manifests, "Secret");
        String deployDoc = Files.readString(Path.of("docs/deploy.md"));
        for (JsonNode workload : workloads) {
            JsonNode pod = workload.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            String name = workload.path("kind").asText() + " " + workload.path("metadata").path("name").asText();
            if ("Deployment".equals(workload.path("kind").asText())) {
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(name)
                        .isEqualTo("/q/health/ready");
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(name)
                        .isEqualTo("/q/health/live");
                // the probes and Prometheus reach the management port, the one application.properties gives /q/*
                int managementPort = container.path("ports").findValues("name").stream().map(JsonNode::asText).toList()
                        .indexOf("management");
                assertThat(managementPort).as(name + " declares its management port").isNotNegative();
                assertThat(container.path("ports").get(managementPort).path("containerPort").asText()).as(name)
                        .isEqualTo(properties().getProperty("quarkus.management.port"));
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(container.path(probe).path("httpGet").path("port").asText()).as(name + " " + probe)
                            .isEqualTo("management");
                }
                assertThat(workload.path("spec").path("template").path("metadata").path("annotations")
                        .path("prometheus.io/port").asText()).as(name).isEqualTo(properties().getProperty("quarkus.management.port"));
                assertThat(workload.path("spec").path("template").path("metadata").path("labels"))
                        .as(name + " is selected by its own selector")
                        .isEqualTo(workload.path("spec").path("selector").path("matchLabels"));
            } else {
                assertThat(pod.path("restartPolicy").asText()).as(name).isEqualTo("Never");
                assertThat(workload.path("spec").path("podFailurePolicy").path("rules").get(0).path("onExitCodes")
                        .path("values")).as(name + ": Cutover's exit codes end the Job").hasSize(2);
            }
            Set<String> volumes = new HashSet<>();
            for (JsonNode volume : pod.path("volumes")) {
                volumes.add(volume.path("name").asText());
                String claim = volume.path("persistentVolumeClaim").path("claimName").asText(null);
                if (claim != null) {
                    assertThat(claims).as(name + " claims " + claim).contains(claim);
                }
                String configMap = volume.path("configMap").path("name").asText(null);
                if (configMap != null) {
                    assertThat(deployDoc).as("docs/deploy.md creates ConfigMap " + configMap)
                            .contains("kubectl create configmap " + configMap + " ");
                }
            }
            container.path("volumeMounts").forEach(mount -> assertThat(volumes).as(name + " mounts "
                    + mount.path("name").asText()).contains(mount.path("name").asText()));
            assertThat(container.path("volumeMounts")).extracting(mount -> mount.path("mountPath").asText())
                    .as(name + " keeps its data folder").contains("/app/data");
            container.path("envFrom").forEach(from -> assertThat(secrets).as(name).contains(
                    from.path("secretRef").path("name").asText()));
            assertThat(env(container)).as(name).contains("JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75");
            assertThat(container.path("resources").path("limits").path("memory").asText()).as(name).isNotEmpty();
        }
    }

    @Test
    void theReplicasOnPostgresqlNeverStartARunOfTheirOwn() throws IOException {
        JsonNode replicas = manifests().stream().filter(m -> m.path("kind").asText().equals("Deployment")
                && m.path("spec").path("replicas").asInt() > 1).findFirst().orElseThrow();
        List<String> env = env(replicas.path("spec").path("template").path("spec").path("containers").get(0));
        assertThat(env).contains("CUTOVER_STATE_STORE=postgresql", "CUTOVER_RUN_AT_START=false");
    }

    @Test
    void everyVariableSetIsACutoverKey() throws IOException {
        Properties properties = properties();
        Set<String> keys = new HashSet<>();
        properties.stringPropertyNames().forEach(key -> keys.add(key.replaceFirst("^%[^.]+\\.", "")));
        // keys without a default are only read where a value names them: ${cutover.state-store.url}
        properties.values().forEach(value -> java.util.regex.Pattern.compile("\\$\\{(cutover[a-z0-9.-]*)")
                .matcher(value.toString()).results().forEach(match -> keys.add(match.group(1))));
        // and those the code reads itself (@ConfigProperty(name = "cutover.target.login-url") Optional<String> …)
        for (Path module : MODULE_SOURCES) {
            try (Stream<Path> sources = Files.walk(module)) {
                for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                    java.util.regex.Pattern.compile("name = \"(cutover\\.[a-z0-9.-]+)\"").matcher(Files.readString(source))
                            .results().forEach(match -> keys.add(match.group(1)));
                }
            }
        }
        // and those of the @ConfigMapping interfaces (TargetConfig: cutover.target.client-secret, …)
        keys.addAll(mappedKeys());
        List<String> variables = new ArrayList<>();
        for (JsonNode manifest : manifests()) {
            manifest.findValues("env").forEach(env -> env.forEach(variable -> variables.add(variable.path("name").asText())));
            if ("Secret".equals(manifest.path("kind").asText())) {
                manifest.path("stringData").fieldNames().forEachRemaining(variables::add);
            }
        }
        assertThat(variables).contains("CUTOVER_MODE", "CUTOVER_TARGET_CLIENT_SECRET", "CUTOVER_STATE_STORE_URL");
        variables.stream().filter(variable -> variable.startsWith("CUTOVER_")).forEach(variable -> assertThat(keys
                .stream().anyMatch(key -> variableOf(key).equals(variable)))
                .as(variable + " is the environment's name of a key in application.properties").isTrue());
    }

    /** The keys the @ConfigMapping interfaces of the modules' sources declare, as SmallRye names them. */
    private static Set<String> mappedKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (Path sources : MODULE_SOURCES) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path source : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                    if (Files.readString(source).contains("@ConfigMapping(prefix")) {
                        String className = sources.relativize(source).toString().replaceFirst("\\.java$", "").replace('/', '.');
                        try {
                            keys.addAll(ConfigMappings.getProperties(ConfigClass.configClass(Class.forName(className))).keySet());
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }
        assertThat(keys).as("the mappings' keys are found").contains("cutover.target.client-secret");
        return keys;
    }

    private static Properties properties() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static String variableOf(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static List<String> env(JsonNode container) {
        List<String> env = new ArrayList<>();
        container.path("env").forEach(variable -> env.add(variable.path("name").asText() + "=" + variable.path("value").asText()));
        return env;
    }

    private static Set<String> names(List<JsonNode> manifests, String kind) {
        Set<String> names = new HashSet<>();
        manifests.stream().filter(m -> kind.equals(m.path("kind").asText()))
                .forEach(m -> names.add(m.path("metadata").path("name").asText()));
        return names;
    }

    private static List<JsonNode> manifests() throws IOException {
        List<JsonNode> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                        assertThat(document.path("apiVersion").asText()).as(file + " has an apiVersion").isNotEmpty();
                        ((ObjectNode) document).put("_file", file.toString());
                        manifests.add(document);
                    });
                }
            }
        }
        assertThat(manifests).hasSizeGreaterThanOrEqualTo(8);
        return manifests;
    }
}
