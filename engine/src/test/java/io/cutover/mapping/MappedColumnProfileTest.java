package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.mapping.profile.ColumnProfile;
import io.cutover.mapping.profile.ExportProfiler;
import io.cutover.mapping.profile.ObjectProfile;
import io.cutover.mapping.profile.ProfileLimits;
import io.cutover.mapping.profile.ProfileReport;
import io.cutover.schema.BuiltInDescribes;
import io.cutover.schema.SObjectDescribe;
import io.cutover.source.CsvSettings;
import io.cutover.source.ExportDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile puts each mapped column through the mapping's transforms, as a run would (issue 11, item 9). */
class MappedColumnProfileTest {

    private static final SObjectDescribe CONTACT = BuiltInDescribes.schema().find("Contact").orElseThrow();

    @TempDir
    Path dir;

    @Test
    void frenchDatesAndPhonesAreValidWhenTheMappingSaysHowToReadThem() throws IOException {
        Path export = dir.resolve("contacts.csv");
        Files.writeString(export, """
                id,name,phone,sla
                1,Acme,01 42 68 53 00,31/12/2026
                2,Bistro,04 91 55 11 11,01/02/2027
                3,Cave,0142,15/07/2026
                4,Dune,+33 1 42 68 53 01,32/01/2026
                """);
        Path mappingFile = dir.resolve("contact.yaml");
        Files.writeString(mappingFile, """
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  LastName: {column: name}
                  Phone: {column: phone, transforms: [{phone: {region: FR, invalid: reject}}]}
                  Birthdate: {column: sla, transforms: [{date: dd/MM/yyyy}]}
                """);
        ObjectMapping mapping = MappingFiles.read(mappingFile);
        ExportDescription description = new ExportDescription(dir.resolve("contacts-source.yaml"), "Contact", export,
                "id", CsvSettings.DEFAULTS);

        ObjectProfile profile = MappingFiles.profile(new ExportProfiler(ProfileLimits.DEFAULTS), description,
                ExportProfiler.targetsOf(mapping, CONTACT), ExportProfiler.transformsOf(mapping, CONTACT));

        assertThat(profile.charsetReason()).isEqualTo("detected: no byte order mark, the whole file is valid UTF-8");
        ColumnProfile sla = column(profile, "sla");
        assertThat(sla.mapped().accepted()).isEqualTo(3);
        assertThat(sla.mapped().rejected()).containsExactly(Map.entry("INVALID_DATE", 1L));
        assertThat(sla.mapped().examples()).singleElement().satisfies(example -> {
            assertThat(example.line()).isEqualTo(5);
            assertThat(example.value()).isEqualTo("32/01/2026");
        });
        assertThat(sla.invalid()).as("the dates the mapping reads are ISO dates for the target").isZero();
        ColumnProfile phone = column(profile, "phone");
        assertThat(phone.mapped().accepted()).as("checked in region FR, the mapping's").isEqualTo(3);
        assertThat(phone.mapped().rejected()).containsExactly(Map.entry("INVALID_PHONE", 1L));
        assertThat(phone.mapped().examples()).extracting(example -> example.value()).containsExactly("0142");
        assertThat(phone.invalid()).isZero();
        ColumnProfile name = column(profile, "name");
        assertThat(name.mapped()).as("sent as it is").isNull();
        assertThat(ProfileReport.markdown(List.of(profile))).contains("3 accepted, **1 rejected**");
    }

    @Test
    void theValuesAValueMapLacksAreListedWithTheirCounts() throws IOException {
        Path export = dir.resolve("contacts.csv");
        Files.writeString(export, """
                id,name,source
                1,Acme,web
                2,Bistro,trade fair
                3,Cave,web
                4,Dune,trade fair
                5,Etna,cold call
                6,Fjord,
                7,Gare,Web
                """);
        Path mappingFile = dir.resolve("contact.yaml");
        Files.writeString(mappingFile, """
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  LastName: {column: name}
                  LeadSource: {column: source, transforms: [{map: {values: {web: Web}}}]}
                """);
        ObjectMapping mapping = MappingFiles.read(mappingFile);
        ExportDescription description = new ExportDescription(dir.resolve("contacts-source.yaml"), "Contact", export,
                "id", CsvSettings.DEFAULTS);

        ObjectProfile profile = MappingFiles.profile(new ExportProfiler(ProfileLimits.DEFAULTS), description,
                ExportProfiler.targetsOf(mapping, CONTACT), ExportProfiler.transformsOf(mapping, CONTACT));

        ColumnProfile source = column(profile, "source");
        assertThat(source.mapped().rejected()).containsExactly(Map.entry("UNMAPPED_VALUE", 4L));
        assertThat(source.mapped().unmapped()).as("most frequent first, ties by value; the map is case-sensitive")
                .extracting(count -> count.value() + " " + count.count())
                .containsExactly("trade fair 2", "Web 1", "cold call 1");
        assertThat(source.mapped().unmappedCapped()).isFalse();
        assertThat(ProfileReport.markdown(List.of(profile)))
                .contains("not in the map: `trade fair` ×2, `Web` ×1, `cold call` ×1");
    }

    private static ColumnProfile column(ObjectProfile profile, String name) {
        return profile.columns().stream().filter(column -> column.column().equals(name)).findFirst().orElseThrow();
    }
}
