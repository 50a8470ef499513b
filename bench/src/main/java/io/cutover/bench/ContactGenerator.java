package io.cutover.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a CSV of generated contacts with planted duplicates, streamed: about one person in four has one to three
 * more records, each with two or three faults: typos in names, street or e-mail, first and last names swapped, the
 * phone written another way, the birth day changed, values missing. The {@value #ENTITY_COLUMN} column names the
 * person. Names are made of one or two syllables and an ending, so that there are thousands of them, as in a real
 * population, not a list's few hundred: blocks on names are then as small as real ones.
 */
final class ContactGenerator {

    static final String ID_COLUMN = "id";
    static final String ENTITY_COLUMN = "person";
    static final Map<String, List<String>> MAPPING = Map.of(
            "FirstName", List.of("first_name"), "LastName", List.of("last_name"), "Email", List.of("email"),
            "Phone", List.of("phone"), "Birthdate", List.of("birthdate"), "MailingStreet", List.of("street"),
            "MailingPostalCode", List.of("postcode"), "MailingCity", List.of("city"));

    private static final String[] ONSETS = {"b", "br", "c", "ch", "d", "f", "g", "gr", "h", "j", "k", "l", "m", "n",
        "p", "r", "s", "st", "t", "v", "w", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ie"};
    private static final String[] SURNAME_ENDINGS = {"son", "ard", "er", "ley", "man", "ton", "ez", "ini", "ova", "ski",
        "berg", "ford", "well", "ier", "o", "as"};
    private static final String[] FIRST_NAME_ENDINGS = {"a", "o", "ie", "el", "an", "ine", "y", "us", "ette", "as"};
    private static final String[] STREETS = {"Street", "Road", "Avenue", "Lane", "Place", "Way", "Close", "Drive"};
    private static final String[] DOMAINS = {"example.com", "mail.example", "post.example", "inbox.example",
        "corp.example", "web.example"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final LocalDate OLDEST = LocalDate.of(1940, 1, 1);
    private static final int BIRTH_DAYS = 65 * 365;

    private final Random random;
    private final BufferedWriter out;
    private int written;

    private ContactGenerator(Random random, BufferedWriter out) {
        this.random = random;
        this.out = out;
    }

    static void write(Path file, int records, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write(String.join(",", ID_COLUMN, "first_name", "last_name", "email", "phone", "birthdate", "street",
                    "postcode", "city", ENTITY_COLUMN));
            out.newLine();
            ContactGenerator generator = new ContactGenerator(new Random(seed), out);
            for (int person = 0; generator.written < records; person++) {
                generator.person(person, records);
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private void person(int person, int records) throws IOException {
        String first = name(FIRST_NAME_ENDINGS, 1 + random.nextInt(2));
        String last = name(SURNAME_ENDINGS, 1 + random.nextInt(2));
        String[] original = {
            first, last,
            random.nextInt(100) < 85 ? first.toLowerCase() + "." + last.toLowerCase() + (random.nextInt(100) < 50 ? "" : random.nextInt(100)) + "@" + DOMAINS[random.nextInt(DOMAINS.length)] : "",
            random.nextInt(100) < 80 ? "+336" + digits(8) : "",
            OLDEST.plusDays(random.nextInt(BIRTH_DAYS)).toString(),
            (1 + random.nextInt(200)) + " " + name(SURNAME_ENDINGS, 1) + " " + STREETS[random.nextInt(STREETS.length)],
            String.valueOf(10000 + random.nextInt(90000)), ""};
        original[7] = city(original[6]);
        row(original, person);
        if (random.nextInt(100) < 25) {
            for (int copies = 1 + random.nextInt(3); copies > 0 && written < records; copies--) {
                row(duplicate(original), person);
            }
        }
    }

    private String[] duplicate(String[] original) {
        String[] copy = original.clone();
        for (int faults = 2 + random.nextInt(2); faults > 0; faults--) {
            switch (random.nextInt(10)) {
                case 0 -> copy[0] = typo(copy[0]);
                case 1 -> copy[1] = typo(copy[1]);
                case 2 -> {
                    String first = copy[0];
                    copy[0] = copy[1];
                    copy[1] = first;
                }
                case 3 -> copy[2] = copy[2].isEmpty() ? "" : typo(copy[2]);
                case 4 -> copy[2] = "";
                case 5 -> copy[3] = copy[3].isEmpty() ? "" : copy[3].replaceFirst("\\+336(\\d\\d)(\\d\\d)(\\d\\d)(\\d\\d)", "+33 6 $1 $2 $3 $4");
                case 6 -> copy[3] = "";
                case 7 -> copy[4] = random.nextBoolean() ? "" : LocalDate.parse(original[4]).withDayOfMonth(1 + random.nextInt(28)).toString();
                case 8 -> copy[5] = typo(copy[5]);
                default -> copy[6] = "";
            }
        }
        return copy;
    }

    private void row(String[] values, int person) throws IOException {
        out.write(String.valueOf(written));
        for (String value : values) {
            out.write(',');
            out.write(value);
        }
        out.write(',');
        out.write(String.valueOf(person));
        out.newLine();
        written++;
    }

    private String name(String[] endings, int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        name.append(endings[random.nextInt(endings.length)]);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** One character replaced, dropped, doubled or swapped with the next. */
    private String typo(String value) {
        if (value.length() < 3) {
            return value;
        }
        int at = 1 + random.nextInt(value.length() - 2);
        char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
        return switch (random.nextInt(4)) {
            case 0 -> value.substring(0, at) + letter + value.substring(at + 1);
            case 1 -> value.substring(0, at) + value.substring(at + 1);
            case 2 -> value.substring(0, at) + value.charAt(at) + value.substring(at);
            default -> value.substring(0, at) + value.charAt(at + 1) + value.charAt(at) + value.substring(at + 2);
        };
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    /** A town per three-digit postcode prefix, as postal districts go. */
    private static String city(String postcode) {
        Random byDistrict = new Random(postcode.substring(0, 3).hashCode());
        return Character.toUpperCase(ONSETS[byDistrict.nextInt(ONSETS.length)].charAt(0))
                + ONSETS[byDistrict.nextInt(ONSETS.length)].substring(1) + VOWELS[byDistrict.nextInt(VOWELS.length)]
                + SURNAME_ENDINGS[byDistrict.nextInt(SURNAME_ENDINGS.length)];
    }
}
