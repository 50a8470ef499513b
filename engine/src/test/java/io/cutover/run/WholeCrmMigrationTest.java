package io.cutover.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.load.NoteContent;
import io.cutover.reconcile.Reconciliation;
import io.cutover.report.RunReport;
import io.cutover.state.StateStore;
import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The whole-CRM sample (samples/whole-crm): accounts, contacts, opportunities with their contact roles (a junction of
 * two parents), leads, cases, events and tasks whose WhoId is a contact or a lead (by a type column) and whose WhatId
 * is an account, an opportunity or a case (by which object holds the legacy id), campaigns and their members (a
 * junction of a campaign and a contact or a lead, the other column empty), account and campaign hierarchies, owners
 * found by their e-mail, converted leads. Every record loads, in dependency order, under the right parents; the
 * activities before the cut-off date stay behind.
 */
@QuarkusTest
@QuarkusTestResource(value = WholeCrmMigrationTest.WholeCrmSample.class, restrictToAnnotatedClass = true)
class WholeCrmMigrationTest {

    /** A private copy of the sample, so that the test can add rows to it. */
    public static class WholeCrmSample implements QuarkusTestResourceLifecycleManager {
        static Path sample;

        @Override
        public Map<String, String> start() {
            try {
                Path root = Files.createTempDirectory(Path.of("target"), "whole-crm-").toAbsolutePath();
                sample = root.resolve("sample");
                try (Stream<Path> files = Files.walk(Path.of("samples/whole-crm"))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, sample.resolve(Path.of("samples/whole-crm").relativize(file).toString()));
                    }
                }
                return SalesforceSandbox.on(Map.of("cutover.export.dir", sample.resolve("export").toString(),
                        "cutover.sources.dir", sample.resolve("sources").toString(),
                        "cutover.mapping.dir", sample.resolve("mappings").toString(),
                        "cutover.data-dir", root.resolve("data").toString(),
                        "cutover.sandbox.storage", "memory",
                        "cutover.sandbox.users", sample.resolve("users.csv").toString(),
                        // the photos (4.7 kB) go as multipart uploads, the other files and the notes as JSON
                        "cutover.files.json-max-bytes", "2000", "cutover.files.max-bytes", "100000",
                        // the run's cut-off for tasks replaces their mapping's; a task due that very day is taken
                        "cutover.run.cutoff.Task", TASKS_CUT_OFF));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    Reconciliation reconciliation;
    @Inject
    @StateStore
    DataSource state;

    @Test
    void everyObjectLoadsUnderItsParentsPolymorphicReferencesIncluded() throws Exception {
        RunReport report = launcher.runNow();

        assertThat(report.status()).isEqualTo("completed");
        List<CSVRecord> events = rows("events.csv");
        List<CSVRecord> beforeCutOff = events.stream().filter(event -> event.get("start").compareTo(EVENTS_CUT_OFF) < 0)
                .toList();
        assertThat(beforeCutOff).isNotEmpty();
        List<CSVRecord> tasks = rows("tasks.csv");
        List<CSVRecord> tasksBeforeCutOff = tasks.stream()
                .filter(task -> task.get("due_date").compareTo(TASKS_CUT_OFF) < 0).toList();
        assertThat(tasksBeforeCutOff).isNotEmpty();
        assertThat(tasks).as("a task due on the cut-off day").anyMatch(task -> task.get("due_date").equals(TASKS_CUT_OFF));
        assertThat(tasks).as("tasks the mapping's own cut-off date would take")
                .anyMatch(task -> task.get("due_date").compareTo(EVENTS_CUT_OFF) >= 0
                        && task.get("due_date").compareTo(TASKS_CUT_OFF) < 0);
        List<CSVRecord> members = rows("campaign_members.csv");
        Map<String, Integer> expected = Map.ofEntries(Map.entry("Account", 50), Map.entry("Contact", 150),
                Map.entry("Opportunity", 50),
                Map.entry("OpportunityContactRole", rows("opportunity_contacts.csv").size()), Map.entry("Lead", 20),
                Map.entry("Case", 20), Map.entry("Event", events.size() - beforeCutOff.size()),
                Map.entry("Task", tasks.size() - tasksBeforeCutOff.size()), Map.entry("Campaign", 15),
                Map.entry("CampaignMember", members.size()),
                Map.entry("ContentVersion", rows("notes.csv").size() + rows("files.csv").size()));
        expected.forEach((object, records) -> assertThat(report.objects().get(object).loaded()).as(object + " loaded")
                .isEqualTo(records.longValue()));
        assertThat(report.objects().get("Event").read()).isEqualTo(events.size());
        assertThat(report.objects().get("Event").skipped()).as("left behind by the mapping's cut-off date")
                .isEqualTo(beforeCutOff.size());
        for (CSVRecord event : beforeCutOff) {
            assertThat(outcome(report.runId(), "Event", event.get("event_id"))).startsWith("BEFORE_CUTOFF events.csv")
                    .endsWith("Event " + event.get("event_id") + ": start " + event.get("start").substring(0, 10)
                            + " is before the cut-off date 2024-02-01 (event.yaml, cutoff.date)");
        }
        assertThat(report.objects().get("Task").read()).isEqualTo(tasks.size());
        assertThat(report.objects().get("Task").skipped()).as("left behind by the run's cut-off date")
                .isEqualTo(tasksBeforeCutOff.size());
        for (CSVRecord task : tasksBeforeCutOff) {
            assertThat(outcome(report.runId(), "Task", task.get("task_id"))).startsWith("BEFORE_CUTOFF tasks.csv")
                    .endsWith("Task " + task.get("task_id") + ": due_date " + task.get("due_date")
                            + " is before the cut-off date " + TASKS_CUT_OFF + " (cutover.run.cutoff.Task)");
        }
        SandboxQueries target = new SandboxQueries(camel);
        Map<String, String> accounts = target.byLegacyId("Account", "Id");
        Map<String, String> contacts = target.byLegacyId("Contact", "Id");
        Map<String, String> opportunities = target.byLegacyId("Opportunity", "Id");
        Map<String, String> leads = target.byLegacyId("Lead", "Id");
        Map<String, String> cases = target.byLegacyId("Case", "Id");
        Map<String, String> campaigns = target.byLegacyId("Campaign", "Id");

        Map<String, String> roleOpportunities = target.byLegacyId("OpportunityContactRole", "OpportunityId");
        Map<String, String> roleContacts = target.byLegacyId("OpportunityContactRole", "ContactId");
        for (CSVRecord role : rows("opportunity_contacts.csv")) {
            assertThat(roleOpportunities.get(role.get("role_id"))).isEqualTo(opportunities.get(role.get("opportunity_id")));
            assertThat(roleContacts.get(role.get("role_id"))).isEqualTo(contacts.get(role.get("contact_id")));
        }
        Map<String, String> caseAccounts = target.byLegacyId("Case", "AccountId");
        Map<String, String> caseContacts = target.byLegacyId("Case", "ContactId");
        rows("cases.csv").forEach(row -> {
            assertThat(caseAccounts.get(row.get("case_id"))).isEqualTo(accounts.get(row.get("account_id"))).isNotNull();
            assertThat(caseContacts.get(row.get("case_id"))).isEqualTo(contacts.get(row.get("contact_id"))).isNotNull();
        });
        Map<String, String> contactAccounts = target.byLegacyId("Contact", "AccountId");
        rows("contacts.csv").forEach(row -> assertThat(contactAccounts.get(row.get("contact_id"))).as(row.get("contact_id"))
                .isEqualTo(accounts.get(row.get("account_id"))).isNotNull());
        Map<String, String> opportunityAccounts = target.byLegacyId("Opportunity", "AccountId");
        rows("opportunities.csv").forEach(row -> assertThat(opportunityAccounts.get(row.get("opportunity_id")))
                .as(row.get("opportunity_id")).isEqualTo(accounts.get(row.get("account_id"))).isNotNull());
        List<CSVRecord> leadRows = rows("leads.csv");
        assertThat(target.byLegacyId("Lead", "Status").values()).containsOnly("Open - Not Contacted",
                "Working - Contacted", "Closed - Not Converted", "Closed - Converted");
        Map<String, String> converted = target.byLegacyId("Lead", "IsConverted");
        assertThat(leadRows).as("converted leads").anyMatch(lead -> lead.get("status").equals("converted"));
        leadRows.forEach(lead -> assertThat(converted.get(lead.get("lead_id"))).as(lead.get("lead_id"))
                .isEqualTo(String.valueOf(lead.get("status").equals("converted"))));

        Map<String, String> parentAccounts = target.byLegacyId("Account", "ParentId");
        List<CSVRecord> accountRows = rows("accounts.csv");
        assertThat(accountRows).as("subsidiaries").filteredOn(account -> !account.get("parent_account_id").isEmpty())
                .hasSizeGreaterThan(5);
        accountRows.forEach(account -> assertThat(parentAccounts.get(account.get("account_id"))).as(account.get("account_id"))
                .isEqualTo(accounts.get(account.get("parent_account_id"))));
        Map<String, String> parentCampaigns = target.byLegacyId("Campaign", "ParentId");
        rows("campaigns.csv").forEach(campaign -> assertThat(parentCampaigns.get(campaign.get("campaign_id")))
                .as(campaign.get("campaign_id")).isEqualTo(campaigns.get(campaign.get("parent_campaign_id"))));
        assertThat(parentCampaigns.values()).as("campaigns in a programme").filteredOn(id -> id != null).isNotEmpty();

        Map<String, String> usersByEmail = new HashMap<>();
        target.query("SELECT Id, Email FROM User").get("records")
                .forEach(user -> usersByEmail.put(user.get("Email").asText(), user.get("Id").asText()));
        Map<String, String> legacyIdColumns = Map.of("Account", "account_id", "Opportunity", "opportunity_id",
                "Case", "case_id", "Lead", "lead_id");
        Map<String, String> files = Map.of("Account", "accounts.csv", "Opportunity", "opportunities.csv",
                "Case", "cases.csv", "Lead", "leads.csv");
        for (String object : legacyIdColumns.keySet()) {
            Map<String, String> owners = target.byLegacyId(object, "OwnerId");
            for (CSVRecord row : rows(files.get(object))) {
                assertThat(owners.get(row.get(legacyIdColumns.get(object)))).as(object + " owner")
                        .isEqualTo(usersByEmail.get(row.get("owner_email"))).isNotNull();
            }
        }

        Map<String, String> who = target.byLegacyId("Event", "WhoId");
        Map<String, String> what = target.byLegacyId("Event", "WhatId");
        for (CSVRecord event : events) {
            if (beforeCutOff.contains(event)) {
                assertThat(who).doesNotContainKey(event.get("event_id"));
                continue;
            }
            String whoId = event.get("who_id");
            assertThat(who.get(event.get("event_id"))).as(event.get("event_id"))
                    .isEqualTo(event.get("who_type").equals("Leads") ? leads.get(whoId) : contacts.get(whoId))
                    .isNotNull();
            String whatId = event.get("what_id");
            String expectedWhat = whatId.isEmpty() ? null : Stream.of(accounts, opportunities, cases)
                    .map(ids -> ids.get(whatId)).filter(id -> id != null).findFirst().orElseThrow();
            assertThat(what.get(event.get("event_id"))).as(event.get("event_id")).isEqualTo(expectedWhat);
        }

        Map<String, String> taskWho = target.byLegacyId("Task", "WhoId");
        Map<String, String> taskWhat = target.byLegacyId("Task", "WhatId");
        for (CSVRecord task : tasks) {
            String taskId = task.get("task_id");
            if (tasksBeforeCutOff.contains(task)) {
                assertThat(taskWho).as("left behind").doesNotContainKey(taskId);
                continue;
            }
            String whoId = task.get("who_id");
            assertThat(taskWho.get(taskId)).as(taskId)
                    .isEqualTo(task.get("who_type").equals("Leads") ? leads.get(whoId) : contacts.get(whoId))
                    .isNotNull();
            String whatId = task.get("what_id");
            String expectedWhat = whatId.isEmpty() ? null : Stream.of(accounts, opportunities, cases)
                    .map(ids -> ids.get(whatId)).filter(id -> id != null).findFirst().orElseThrow();
            assertThat(taskWhat.get(taskId)).as(taskId).isEqualTo(expectedWhat);
        }
        assertThat(target.byLegacyId("Task", "Status").values()).containsOnly("Not Started", "In Progress", "Completed",
                "Deferred");
        Map<String, String> campaignStatuses = target.byLegacyId("Campaign", "Status");
        assertThat(campaignStatuses.values()).containsOnly("Planned", "In Progress", "Completed");
        target.byLegacyId("Campaign", "IsActive").forEach((campaign, active) -> assertThat(active).as(campaign)
                .isEqualTo(String.valueOf(campaignStatuses.get(campaign).equals("In Progress"))));
        assertThat(target.byLegacyId("CampaignMember", "Status").values()).containsOnly("Sent", "Responded");

        Map<String, String> memberCampaigns = target.byLegacyId("CampaignMember", "CampaignId");
        Map<String, String> memberContacts = target.byLegacyId("CampaignMember", "ContactId");
        Map<String, String> memberLeads = target.byLegacyId("CampaignMember", "LeadId");
        assertThat(members).as("members of both kinds").anyMatch(member -> member.get("contact_id").isEmpty())
                .anyMatch(member -> member.get("lead_id").isEmpty());
        for (CSVRecord member : members) {
            String memberId = member.get("member_id");
            assertThat(memberCampaigns.get(memberId)).as(memberId).isEqualTo(campaigns.get(member.get("campaign_id")))
                    .isNotNull();
            // the empty column of the two is no parent: null in the target
            assertThat(memberContacts.get(memberId)).as(memberId).isEqualTo(contacts.get(member.get("contact_id")));
            assertThat(memberLeads.get(memberId)).as(memberId).isEqualTo(leads.get(member.get("lead_id")));
        }

        Map<String, Map<String, String>> parents = Map.of("Accounts", accounts, "Contacts", contacts, "Opportunities",
                opportunities, "Cases", cases, "Leads", leads);
        notesAndFilesOnTheirRecords(target, parents);
        // one call a note or file, counted and gated like any: the 3 photos streamed, the rest as JSON
        assertThat(report.apiCalls().get("ContentVersion")).containsEntry("uploadContentVersion", 3L)
                .containsEntry("createSObject", (long) rows("notes.csv").size() + rows("files.csv").size() - 3);
        Reconciliation.Result checked = reconciliation.reconcile(List.of("ContentVersion"), report.runId(),
                WholeCrmSample.sample.resolve("reconciled"));
        assertThat(checked.objects().get("ContentVersion").differences()).isEmpty();
        assertThat(checked.agreed()).isTrue();

        // a file changed since its upload: its checksum is not the target's any more
        Path changed = export("files/call-log-03.txt");
        byte[] uploaded = Files.readAllBytes(changed);
        Files.writeString(changed, "edited after the upload\n", StandardOpenOption.APPEND);
        Reconciliation.Result mismatch = reconciliation.reconcile(List.of("ContentVersion"), report.runId(),
                WholeCrmSample.sample.resolve("reconciled-after-edit"));
        assertThat(mismatch.agreed()).isFalse();
        assertThat(mismatch.objects().get("ContentVersion").differences()).singleElement().satisfies(difference -> {
            assertThat(difference.legacyId()).isEqualTo("files:FILE-003");
            assertThat(difference.problem()).isEqualTo("CHECKSUM_DIFFERS");
            assertThat(difference.found()).isEqualTo(DigestUtils.md5Hex(uploaded));
        });
        Files.write(changed, uploaded);

        // a note retitled in the legacy CRM: the version the target holds is updated, not uploaded twice
        String notes = Files.readString(export("notes.csv"));
        String firstNote = notes.lines().skip(1).findFirst().orElseThrow();
        String retitled = firstNote.replaceFirst("^(NOTE-001,[^,]*,[^,]*,)([^,]*)", "$1$2 (edited)");
        assertThat(retitled).isNotEqualTo(firstNote);
        Files.writeString(export("notes.csv"), notes.replace(firstNote, retitled));

        // a file the export lists but does not hold, and one over the upload limit (cutover.files.max-bytes here)
        Files.write(export("files/scan-big.png"), new byte[100_001]);
        Files.writeString(export("files.csv"), "FILE-901,Accounts,AccountRef1,files/gone.pdf,Gone\n"
                + "FILE-902,Accounts,AccountRef1,files/scan-big.png,Big scan\n", StandardOpenOption.APPEND);

        // a type the reference does not know, and a legacy id that two of the candidate objects hold
        Files.writeString(export("cases.csv"), "SHARED-1,Mixed up,open,P2,AccountRef1,ContactRef1,olivia.reed@cutover-demo.com\n",
                StandardOpenOption.APPEND);
        Files.writeString(export("accounts.csv"), "SHARED-1,Shared Ltd,,,,Customer,n/a,,,,,,,,,,,,,,olivia.reed@cutover-demo.com\n",
                StandardOpenOption.APPEND);
        Files.writeString(export("events.csv"), "EVT-901,Call,2024-05-02 09:00,30,Accounts,AccountRef1,\n"
                + "EVT-902,Call,2024-05-02 10:00,30,Contacts,ContactRef1,SHARED-1\n", StandardOpenOption.APPEND);
        RunReport second = launcher.runNow();
        assertThat(second.objects().get("Event").unchanged()).isEqualTo(events.size() - beforeCutOff.size());
        for (String object : List.of("Task", "Campaign", "CampaignMember", "Contact", "Opportunity",
                "OpportunityContactRole", "Lead", "Account", "Case")) {
            assertThat(second.objects().get(object).unchanged()).as(object + " unchanged")
                    .isEqualTo(expected.get(object).longValue());
        }
        assertThat(second.objects().get("ContentVersion").unchanged()).isEqualTo(expected.get("ContentVersion") - 1);
        assertThat(second.objects().get("ContentVersion").updated()).isEqualTo(1);
        assertThat(target.byLegacyId("ContentVersion", "Title")).hasSize(expected.get("ContentVersion"))
                .containsEntry("notes:NOTE-001", rows("notes.csv").get(0).get("title"))
                .hasEntrySatisfying("notes:NOTE-001", title -> assertThat(title).endsWith(" (edited)"));
        assertThat(outcome(second.runId(), "ContentVersion", "files:FILE-901", "rejected"))
                .startsWith("FILE_NOT_FOUND files.csv line 14 (record 13): ContentVersion files:FILE-901: no file at ")
                .endsWith(export("files/gone.pdf").toString());
        assertThat(outcome(second.runId(), "ContentVersion", "files:FILE-902", "rejected"))
                .startsWith("FILE_TOO_LARGE files.csv line 15 (record 14): ContentVersion files:FILE-902: ")
                .endsWith("scan-big.png is 100001 bytes, over the 100000 bytes Salesforce takes in one upload "
                        + "(cutover.files.max-bytes)");
        assertThat(reject(second.runId(), "EVT-901")).startsWith("UNKNOWN_PARENT_TYPE events.csv line 32 (record 31): "
                + "Event EVT-901: field WhoId").contains("column who_type names none of [Contact, Lead]");
        assertThat(reject(second.runId(), "EVT-902")).startsWith("AMBIGUOUS_PARENT")
                .contains("records of [Account, Case] hold it");
    }

    /**
     * Every note and file on its record (FirstPublishLocationId: the parent the module column names), its content's
     * MD5 the target's Checksum and its size the target's ContentSize; the notes are notes (.snote), the files keep
     * their type.
     */
    private static void notesAndFilesOnTheirRecords(SandboxQueries target, Map<String, Map<String, String>> parents)
            throws IOException {
        Map<String, String> published = target.byLegacyId("ContentVersion", "FirstPublishLocationId");
        Map<String, String> checksums = target.byLegacyId("ContentVersion", "Checksum");
        Map<String, String> sizes = target.byLegacyId("ContentVersion", "ContentSize");
        Map<String, String> types = target.byLegacyId("ContentVersion", "FileType");
        Map<String, String> titles = target.byLegacyId("ContentVersion", "Title");
        for (CSVRecord note : rows("notes.csv")) {
            String id = "notes:" + note.get("note_id");
            assertThat(published.get(id)).as(id).isEqualTo(parents.get(note.get("parent_type")).get(note.get("parent_id")))
                    .isNotNull();
            byte[] html = NoteContent.html(note.get("body"));
            assertThat(checksums.get(id)).as(id).isEqualTo(DigestUtils.md5Hex(html));
            assertThat(sizes.get(id)).as(id).isEqualTo(String.valueOf(html.length));
            assertThat(types.get(id)).as(id).isEqualTo("SNOTE");
            assertThat(titles.get(id)).as(id).isEqualTo(note.get("title"));
        }
        assertThat(rows("notes.csv")).as("notes of several lines, with characters HTML escapes")
                .anyMatch(note -> note.get("body").contains("\n") && note.get("body").contains("<"));
        for (CSVRecord file : rows("files.csv")) {
            String id = "files:" + file.get("file_id");
            assertThat(published.get(id)).as(id).isEqualTo(parents.get(file.get("parent_type")).get(file.get("parent_id")))
                    .isNotNull();
            byte[] content = Files.readAllBytes(export(file.get("path")));
            assertThat(checksums.get(id)).as(id).isEqualTo(DigestUtils.md5Hex(content));
            assertThat(sizes.get(id)).as(id).isEqualTo(String.valueOf(content.length));
            assertThat(titles.get(id)).as(id).isEqualTo(file.get("title"));
        }
        assertThat(types.values()).contains("PDF", "PNG", "TEXT", "CSV");
    }

    /** The events' mapping's cut-off date. */
    private static final String EVENTS_CUT_OFF = "2024-02-01";
    /** The run's cut-off date for tasks, replacing their mapping's (2024-02-01). */
    private static final String TASKS_CUT_OFF = "2024-02-14";

    private static Path export(String file) {
        return WholeCrmSample.sample.resolve("export").resolve(file);
    }

    private static List<CSVRecord> rows(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(export(file))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private String reject(String runId, String legacyId) throws SQLException {
        return outcome(runId, "Event", legacyId, "rejected");
    }

    private String outcome(String runId, String object, String legacyId) throws SQLException {
        return outcome(runId, object, legacyId, "skipped");
    }

    private String outcome(String runId, String object, String legacyId, String outcome) throws SQLException {
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement("select reason_code, message from outcome "
                        + "where run_id = ? and object_name = ? and legacy_id = ? and outcome = ?")) {
            select.setString(1, runId);
            select.setString(2, object);
            select.setString(3, legacyId);
            select.setString(4, outcome);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("a " + outcome + " outcome of " + legacyId).isTrue();
                return row.getString(1) + " " + row.getString(2);
            }
        }
    }
}
