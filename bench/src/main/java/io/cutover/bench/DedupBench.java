package io.cutover.bench;

import com.sun.management.OperatingSystemMXBean;
import io.cutover.dedup.DuplicateCluster;
import io.cutover.dedup.DuplicateFinder;
import io.cutover.dedup.MatchQuality;
import io.cutover.dedup.MatchRulesReader;
import io.cutover.dedup.Matches;
import io.cutover.dedup.ScoredPair;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Runs the duplicate matcher with a rules file on a CSV of persons and measures it against the known duplicates: a
 * true-pairs file (two ids a line, after a header) or a cluster column (same value, same person). The CSV's columns
 * become the rules' fields through a column mapping, {@code column=Field}, several columns joined by a space with
 * {@code +} ({@code street_number+address_1=MailingStreet}), given as comma-separated text or a file of lines.
 *
 * <pre>
 * DedupBench --csv persons.csv --map 'first=FirstName,last=LastName' [--true-pairs pairs.csv | --cluster column]
 *            [--id column] [--name set] [--rules matching/contact.yaml] [--repeat n]
 * DedupBench --generated 1000000 [--seed 1] [--rules matching/contact.yaml]
 * </pre>
 *
 * Prints {@code set=… records=… precision=… recall=… f1=… seconds=…}, the figures of the clusters found (every pair
 * inside a cluster counts), then on stderr what blocking compared, the figures of the scored pairs alone, and a digest
 * of the pairs found (ids, scores to the last bit, matched fields) and of the clusters, which two builds of the matcher
 * must print alike when a change is meant to find the same. Without a truth it prints the counts and the digest only.
 * The seconds are the read of the CSV and the matching, not the JVM's start nor the reading of the truth; with
 * {@code --repeat n} the read and the matching run n times, each timed (the first ones warm the JIT), the last
 * printed. The matching's CPU seconds (the whole JVM's, during it) say more than its seconds on a shared machine.
 */
public final class DedupBench {

    /** The JVM's CPU time, all threads: the matching scores blocks in parallel. */
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<String, String> options;

    private DedupBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, found " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        new DedupBench(options).run();
    }

    private void run() throws IOException {
        Path rules = Path.of(options.getOrDefault("rules", "matching/contact.yaml"));
        Path csv;
        String name;
        Map<String, List<String>> mapping;
        if (options.containsKey("generated")) {
            int records = Integer.parseInt(options.get("generated"));
            csv = Path.of(options.getOrDefault("out", "target/generated-contacts-" + records + ".csv"));
            ContactGenerator.write(csv, records, Long.parseLong(options.getOrDefault("seed", "1")));
            name = "generated-" + records;
            mapping = ContactGenerator.MAPPING;
            options.putIfAbsent("cluster", ContactGenerator.ENTITY_COLUMN);
            options.putIfAbsent("id", ContactGenerator.ID_COLUMN);
        } else {
            csv = Path.of(required("csv"));
            name = options.getOrDefault("name", csv.getFileName().toString().replaceFirst("\\.csv$", ""));
            mapping = mapping();
        }
        int repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));
        for (int round = 1; round <= repeat; round++) {
            match(rules, csv, name, mapping, round == repeat);
        }
    }

    private void match(Path rules, Path csv, String name, Map<String, List<String>> mapping, boolean last)
            throws IOException {
        long start = System.nanoTime();
        DuplicateFinder finder = new DuplicateFinder(MatchRulesReader.load(rules));
        String idColumn = options.get("id");
        String clusterColumn = options.get("cluster");
        List<String> ids = new ArrayList<>();
        long[] labels = new long[1024];
        int count = 0;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).setTrim(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                String id = idColumn == null ? String.valueOf(count) : row.get(idColumn);
                Map<String, String> fields = new HashMap<>();
                mapping.forEach((field, columns) -> fields.put(field, joined(row, columns)));
                finder.add(id, fields);
                if (clusterColumn != null) {
                    if (count == labels.length) {
                        labels = Arrays.copyOf(labels, count * 2);
                    }
                    labels[count] = label(row.get(clusterColumn));
                } else {
                    ids.add(id);
                }
                count++;
            }
        }
        double readSeconds = (System.nanoTime() - start) / 1e9;
        long cpuBefore = PROCESS.getProcessCpuTime();
        Matches matches = finder.find();
        double matchCpuSeconds = (PROCESS.getProcessCpuTime() - cpuBefore) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!last) {
            System.err.printf(Locale.ROOT, "  %s: read and prepared in %.2f s, matched in %.2f s, %.2f s of CPU (warm-up)%n",
                    name, readSeconds, seconds - readSeconds, matchCpuSeconds);
            return;
        }
        String found = String.format(Locale.ROOT, "matching's CPU %.2f s; %d pairs scored %s, %d blocks over the size limit skipped; "
                        + "%d duplicate pairs in %d clusters, digest %s", matchCpuSeconds, matches.comparisons(),
                Arrays.toString(matches.comparisonsByPass()), matches.skippedBlocks(), matches.pairs().size(),
                matches.clusters().size(), digest(matches));
        if (clusterColumn == null && !options.containsKey("true-pairs")) {
            System.out.printf(Locale.ROOT, "set=%s records=%d pairs=%d clusters=%d seconds=%.2f%n", name,
                    matches.records(), matches.pairs().size(), matches.clusters().size(), seconds);
            System.err.printf(Locale.ROOT, "  %s: read and prepared in %.2f s, matched in %.2f s; %s%n", name, readSeconds,
                    seconds - readSeconds, found);
            return;
        }
        MatchQuality.Truth truth = clusterColumn != null ? MatchQuality.Truth.ofLabels(Arrays.copyOf(labels, count))
                : MatchQuality.Truth.ofPairs(truePairs(Path.of(required("true-pairs"))), positions(ids));
        MatchQuality clusters = MatchQuality.ofClusters(matches.clusters(), truth);
        MatchQuality pairs = MatchQuality.ofPairs(matches.pairs(), truth);
        System.out.printf(Locale.ROOT, "set=%s records=%d precision=%.4f recall=%.4f f1=%.4f seconds=%.1f%n", name,
                matches.records(), clusters.precision(), clusters.recall(), clusters.f1(), seconds);
        System.err.printf(Locale.ROOT, "  %s: %d true pairs; read and prepared in %.1f s, matched in %.1f s; %s; of the "
                        + "pairs, precision %.4f recall %.4f f1 %.4f; %d pairs in the clusters%n", name, truth.pairs(),
                readSeconds, seconds - readSeconds, found, pairs.precision(), pairs.recall(), pairs.f1(),
                clusters.foundPairs());
    }

    /** SHA-256 (its first 16 hex digits) of the pairs found, in order, and of the clusters. */
    private static String digest(Matches matches) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (ScoredPair pair : matches.pairs()) {
                sha.update((pair.firstId() + '\u001f' + pair.secondId() + '\u001f' + Double.doubleToLongBits(pair.score())
                        + '\u001f' + pair.matchedFields() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            for (DuplicateCluster cluster : matches.clusters()) {
                sha.update((cluster.ids() + "\u001f" + Double.doubleToLongBits(cluster.weakestLink()) + '\u001f'
                        + cluster.matchedFields() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String required(String option) {
        String value = options.get(option);
        if (value == null) {
            throw new IllegalArgumentException("--" + option + " is needed");
        }
        return value;
    }

    /** Field → the columns that make it, from {@code --map} or {@code --map-file}. */
    private Map<String, List<String>> mapping() throws IOException {
        List<String> entries = new ArrayList<>();
        if (options.containsKey("map")) {
            entries.addAll(List.of(options.get("map").split(",")));
        }
        if (options.containsKey("map-file")) {
            entries.addAll(Files.readAllLines(Path.of(options.get("map-file"))));
        }
        Map<String, List<String>> mapping = new LinkedHashMap<>();
        for (String entry : entries) {
            String line = entry.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] columnsAndField = line.split("=");
            if (columnsAndField.length != 2) {
                throw new IllegalArgumentException("column mapping: expected column=Field or col1+col2=Field, found " + line);
            }
            mapping.put(columnsAndField[1].strip(), List.of(columnsAndField[0].strip().split("\\s*\\+\\s*")));
        }
        if (mapping.isEmpty()) {
            throw new IllegalArgumentException("--map column=Field,... or --map-file is needed");
        }
        return mapping;
    }

    private static String joined(CSVRecord row, List<String> columns) {
        StringBuilder value = new StringBuilder();
        for (String column : columns) {
            String part = row.get(column);
            if (part != null && !part.isBlank()) {
                value.append(value.isEmpty() ? "" : " ").append(part);
            }
        }
        return value.toString();
    }

    /** A 64-bit hash of a cluster label; an empty label is no cluster (0). */
    private static long label(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash == 0 ? 1 : hash;
    }

    private static List<String[]> truePairs(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.skip(1).filter(line -> !line.isBlank())
                    .map(line -> line.split("\\s*,\\s*")).map(pair -> new String[] {pair[0].strip(), pair[1].strip()})
                    .toList();
        }
    }

    private static Map<String, Integer> positions(List<String> ids) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            positions.put(ids.get(i), i);
        }
        return positions;
    }
}
