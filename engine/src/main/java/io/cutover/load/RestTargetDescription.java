package io.cutover.load;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CRM other than Salesforce, as its target description file says: per object, where its REST API is, how to
 * authenticate, and which calls create, update, upsert and find a record.
 */
public record RestTargetDescription(Path file, Duration timeout, Map<String, TargetObject> objects) {

    public Optional<TargetObject> find(String object) {
        return Optional.ofNullable(objects.get(object));
    }

    /**
     * One object of the CRM. With {@code upsert}, every record is upserted by its legacy id; without, a record the
     * ledger knows is updated by its target id, and any other is searched by its legacy id, then updated or created.
     *
     * @param legacyIdField the CRM's field that holds the legacy id
     * @param id            where the record's id is in an answer that is the record (create, update, upsert)
     */
    public record TargetObject(String object, URI baseUrl, Optional<Credential> credential, String legacyIdField,
            JsonPath id, Optional<Call> upsert, Optional<Call> create, Optional<Call> update, Optional<Search> search) {
    }

    /**
     * A call of the API: an HTTP method and a path below the base URL, with {@code {id}} (the target id) and
     * {@code {legacyId}} in it where the API wants them.
     */
    public record Call(String method, String path) {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
        static final Set<String> PLACEHOLDERS = Set.of("id", "legacyId");

        /** The path, with the values in place (encoded for the path or the query), and the raw query, or null. */
        Rendered render(Map<String, String> values) {
            int question = path.indexOf('?');
            String pathPart = question < 0 ? path : path.substring(0, question);
            String queryPart = question < 0 ? null : path.substring(question + 1);
            return new Rendered(method, fill(pathPart, values, true), queryPart == null ? null : fill(queryPart, values, false));
        }

        static Set<String> placeholdersIn(String path) {
            Matcher found = PLACEHOLDER.matcher(path);
            Set<String> names = new LinkedHashSet<>();
            while (found.find()) {
                names.add(found.group(1));
            }
            return names;
        }

        private static String fill(String template, Map<String, String> values, boolean pathSegment) {
            Matcher found = PLACEHOLDER.matcher(template);
            StringBuilder filled = new StringBuilder();
            while (found.find()) {
                String encoded = URLEncoder.encode(values.get(found.group(1)), StandardCharsets.UTF_8);
                // URLEncoder writes form encoding: a space is "+" there, which a path reads as a plus sign
                found.appendReplacement(filled, Matcher.quoteReplacement(pathSegment ? encoded.replace("+", "%20") : encoded));
            }
            found.appendTail(filled);
            return filled.toString();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A call with its values in place. */
    record Rendered(String method, String path, String query) {
        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    /**
     * Finds the CRM's records that hold a legacy id: {@code results} is where the records found are in the answer, and
     * {@code id} where each one's id is. Only results whose legacy id field holds exactly the legacy id count, since
     * many CRMs' searches also return partial matches.
     */
    public record Search(Call call, JsonPath results, JsonPath id) {
    }

    /** The header that authenticates every call; its value is kept out of toString(), logs and messages. */
    public record Credential(String header, String value) {
        @Override
        public String toString() {
            return "Credential[" + header + ": ***]";
        }
    }
}
