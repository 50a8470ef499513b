package io.cutover.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a legacy CRM's export as migrations meet them, streamed, for the end-to-end benchmark: accounts, three contacts
 * each and one opportunity each, with the dirt of real exports: names with diacritics, legal forms and stray spaces,
 * phones written five ways (some not numbers at all), descriptions over several lines with quotes and commas, about
 * one e-mail in fifty invalid, about one contact in a hundred entered twice (another id, the e-mail in capitals),
 * amounts with thousands separators and currency signs, close dates in two formats. The same seed writes the same
 * files. Usage: {@code ExportGenerator DIR ACCOUNTS [SEED]}.
 */
public final class ExportGenerator {

    static final String[] ACCOUNT_COLUMNS = {"account_id", "name", "phone", "fax", "website", "type", "industry",
        "NumberOfEmployees", "annualrevenue", "description", "billingstreet", "billingcity", "billingstate",
        "billingpostalcode", "billingcountry", "shippingstreet", "shippingcity", "shippingstate", "shippingpostalcode"};
    static final String[] CONTACT_COLUMNS = {"contact_id", "lastName", "firstName", "email", "account_id", "title", "phone"};
    static final String[] OPPORTUNITY_COLUMNS = {"opportunity_id", "name", "stage", "amount", "close_date", "account_id"};

    private static final String[] COMPANY_WORDS = {"Nordic", "Atelier", "Société", "Müller", "Carpați", "Helios",
        "Baltic", "Łódź", "Ørsted", "Crème", "Zürich", "Ibérica", "Mäkinen", "Lumière", "Global", "Pacific"};
    private static final String[] COMPANY_NOUNS = {"Timber", "Logistics", "Foods", "Analytics", "Textiles", "Energie",
        "Systems", "Bâtiment", "Holdings", "Transport", "Médical", "Software"};
    private static final String[] LEGAL_FORMS = {"SA", "SARL", "SRL", "Oy", "AB", "GmbH", "Ltd", "Inc", "LLC", ""};
    private static final String[] INDUSTRIES = {"n/a", "Major Banks", "Restaurants", "Business Services",
        "Major Pharmaceuticals", "Semiconductors", "EDP Services", "Oil & Gas Production"};
    private static final String[] TYPES = {"Customer", "Prospect", "Integrator", "Partner"};
    private static final String[] FIRST_NAMES = {"Ana", "Jean-Luc", "Mikko", "Ioana", "Chloé", "Aino", "Łukasz",
        "Søren", "José", "Zoë", "Émilie", "Björn", "Nguyễn", "Siobhán", "François", "Ülle"};
    private static final String[] LAST_NAMES = {"Popescu", "Lefèvre", "Virtanen", "Ionescu", "Dvořák", "Korhonen",
        "Ødegård", "Müller", "García", "O'Neil", "Mäkinen", "Kowalczyk", "Ştefănescu", "Núñez", "Smith", "Brown"};
    private static final String[] TITLES = {"Analyst", "Buyer", "CFO", "Head of Operations", "Directeur commercial", ""};
    private static final String[] STAGES = {"Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote",
        "Negotiation/Review", "Closed Won", "Closed Lost"};

    private final Random random;

    private ExportGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("Usage: ExportGenerator DIR ACCOUNTS [SEED]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int accounts = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261206L;
        Files.createDirectories(dir);
        ExportGenerator generator = new ExportGenerator(seed);
        generator.accounts(dir.resolve("accounts.csv"), accounts);
        long contacts = generator.contacts(dir.resolve("contacts.csv"), accounts);
        generator.opportunities(dir.resolve("opportunities.csv"), accounts);
        System.out.printf("accounts=%d contacts=%d opportunities=%d%n", accounts, contacts, accounts);
    }

    private void accounts(Path file, int accounts) throws IOException {
        try (CSVPrinter out = printer(file, ACCOUNT_COLUMNS)) {
            for (int i = 1; i <= accounts; i++) {
                boolean french = random.nextInt(5) == 0;
                String country = french ? pick("France", "FR") : pick("United States", "USA", "US");
                String name = pick(COMPANY_WORDS) + " " + pick(COMPANY_NOUNS) + " " + i + " " + pick(LEGAL_FORMS);
                out.printRecord("A" + i, random.nextInt(10) == 0 ? "  " + name.replace(" ", "  ") + " " : name.strip(),
                        french ? frenchPhone() : usPhone(), random.nextInt(3) == 0 ? usPhone() : "",
                        "https://www.example.com/" + i, pick(TYPES), pick(INDUSTRIES), random.nextInt(5000),
                        random.nextInt(10_000_000), description(i), (1 + random.nextInt(999)) + " Main Street",
                        french ? "Besançon" : "Newark", french ? "" : "DE", french ? "25000" : "19725", country,
                        (1 + random.nextInt(999)) + " Side Road", "Huntsville", "AL", "35895");
            }
        }
    }

    private long contacts(Path file, int accounts) throws IOException {
        long written = 0;
        try (CSVPrinter out = printer(file, CONTACT_COLUMNS)) {
            for (int i = 1; i <= accounts * 3; i++) {
                String first = pick(FIRST_NAMES);
                String last = pick(LAST_NAMES);
                String email = email(first, last, i);
                String account = "A" + ((i - 1) % accounts + 1);
                String title = pick(TITLES);
                String phone = random.nextBoolean() ? usPhone() : "";
                out.printRecord("C" + i, last, first, email, account, title, phone);
                written++;
                if (random.nextInt(100) == 0) {
                    // the same person entered again by someone else
                    out.printRecord("C" + i + "-bis", last, first, email.toUpperCase(), account, title, phone);
                    written++;
                }
            }
        }
        return written;
    }

    private void opportunities(Path file, int accounts) throws IOException {
        try (CSVPrinter out = printer(file, OPPORTUNITY_COLUMNS)) {
            for (int i = 1; i <= accounts; i++) {
                LocalDate close = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
                int amount = 500 + random.nextInt(200_000);
                out.printRecord("O" + i, "Renewal " + i + " – " + pick(COMPANY_NOUNS), pick(STAGES),
                        switch (random.nextInt(3)) {
                            case 0 -> String.format("%,d.%02d", amount, random.nextInt(100));
                            case 1 -> "$" + String.format("%,d", amount);
                            default -> Integer.toString(amount);
                        },
                        random.nextBoolean() ? close.toString()
                                : String.format("%02d/%02d/%d", close.getMonthValue(), close.getDayOfMonth(), close.getYear()),
                        "A" + (random.nextInt(accounts) + 1));
            }
        }
    }

    private String usPhone() {
        int area = 200 + random.nextInt(700);
        int exchange = 200 + random.nextInt(700);
        int line = random.nextInt(10_000);
        return switch (random.nextInt(6)) {
            case 0 -> String.format("(%d) %d-%04d", area, exchange, line);
            case 1 -> String.format("%d.%d.%04d", area, exchange, line);
            case 2 -> String.format("+1 %d %d %04d", area, exchange, line);
            case 3 -> String.format("1(%d)%d-%04d", area, exchange, line);
            case 4 -> String.format("%d%d%04d", area, exchange, line);
            default -> random.nextInt(4) == 0 ? "ask reception" : String.format("%d-%04d x%d", exchange, line, random.nextInt(99));
        };
    }

    private String frenchPhone() {
        return String.format("0%d %02d %02d %02d %02d", 1 + random.nextInt(5), random.nextInt(100), random.nextInt(100),
                random.nextInt(100), random.nextInt(100));
    }

    private String email(String first, String last, int i) {
        String local = (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + i;
        return switch (random.nextInt(100)) {
            case 0 -> local + "@";
            case 1 -> local + " at example.com";
            default -> local + "@example.com";
        };
    }

    private String description(int i) {
        return random.nextInt(4) == 0
                ? "Met at the \"Salon de l'industrie\", " + i + ".\nCall back after the budget, ask for Mme Lefèvre.\n"
                : "Account " + i;
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static CSVPrinter printer(Path file, String[] header) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get());
    }
}
