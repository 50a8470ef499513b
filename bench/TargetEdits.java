import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sales team at work in the target, for bench/reverse-lag.sh: logs in to the sandbox as its own client, then edits
 * random accounts' descriptions at RATE a second for SECONDS seconds, and prints how many edits it made.
 * Usage: java bench/TargetEdits.java BASE_URL RATE SECONDS
 */
public class TargetEdits {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=cutover-sandbox&client_secret=cutover-sandbox-secret"
                + "&username=" + URLEncoder.encode("admin@cutover.sandbox", StandardCharsets.UTF_8) + "&password=sandbox";
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = field(login, "access_token");
        String query = http.send(HttpRequest.newBuilder(URI.create(base + "/services/data/v60.0/query?q="
                + URLEncoder.encode("SELECT Id FROM Account", StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("\"Id\"\\s*:\\s*\"(\\w+)\"").matcher(query);
        while (id.find()) {
            ids.add(id.group(1));
        }
        AtomicLong made = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ScheduledExecutorService edits = Executors.newScheduledThreadPool(8);
        edits.scheduleAtFixedRate(() -> {
            long n = made.get() + failed.get();
            String account = ids.get((int) (n % ids.size()));
            HttpRequest edit = HttpRequest.newBuilder(URI.create(base + "/services/data/v60.0/sobjects/Account/" + account))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Sforce-Call-Options", "client=sales-team")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Description\": \"Edited in Salesforce " + n
                            + " at " + Instant.now() + "\"}")).build();
            http.sendAsync(edit, HttpResponse.BodyHandlers.discarding()).thenAccept(answer ->
                    (answer.statusCode() < 300 ? made : failed).incrementAndGet());
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        edits.shutdownNow();
        Thread.sleep(500);
        System.out.println("target edits made: " + made.get() + " (" + failed.get() + " failed) over " + ids.size()
                + " accounts in " + seconds + " s");
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.group(1);
    }
}
