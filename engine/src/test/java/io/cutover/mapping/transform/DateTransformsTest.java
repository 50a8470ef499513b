package io.cutover.mapping.transform;

import static io.cutover.mapping.transform.Chains.apply;
import static io.cutover.mapping.transform.Chains.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class DateTransformsTest {

    private static final String DATES = "[{date: [dd/MM/yyyy, dd.MM.yyyy, MM/dd/yy, ISO]}]";

    @Test
    void aDateIsReadInTheFirstFormatThatFitsIt() throws Rejection {
        assertThat(apply(DATES, "14/07/2024")).isEqualTo("2024-07-14");
        assertThat(apply(DATES, "06.12.2017")).as("Finnish Independence Day").isEqualTo("2017-12-06");
        assertThat(apply(DATES, "12/01/89")).as("US, two-digit year").isEqualTo("1989-12-01");
        assertThat(apply(DATES, "07/04/26")).isEqualTo("2026-07-04");
        assertThat(apply(DATES, "2024-12-01")).isEqualTo("2024-12-01");
    }

    @Test
    void aDateThatDoesNotExistIsRejectedNotMovedToAnotherDay() {
        assertThat(rejection(DATES, "31/02/2024").reasonCode()).isEqualTo("INVALID_DATE");
        assertThat(rejection(DATES, "29.02.2023").reasonCode()).isEqualTo("INVALID_DATE");
        assertThat(rejection(DATES, "2024-13-01").reasonCode()).isEqualTo("INVALID_DATE");
        assertThat(rejection(DATES, "demain").reasonCode()).isEqualTo("INVALID_DATE");
    }

    @Test
    void aDateOnADaylightSavingChangeStaysTheSameDayWhateverTheMachinesZone() throws Rejection {
        TimeZone machine = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"Pacific/Kiritimati", "Europe/Helsinki", "America/New_York", "Pacific/Pago_Pago"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                assertThat(apply(DATES, "31/03/2024")).as("EU summer time starts, in %s", zone).isEqualTo("2024-03-31");
                assertThat(apply(DATES, "27.10.2024")).as("EU summer time ends, in %s", zone).isEqualTo("2024-10-27");
                assertThat(apply(DATES, "03/10/24")).as("US summer time starts, in %s", zone).isEqualTo("2024-03-10");
            }
        } finally {
            TimeZone.setDefault(machine);
        }
    }

    @Test
    void aDateWithATimeOfDayKeepsTheDateAsWritten() throws Rejection {
        assertThat(apply("[{date: dd/MM/yyyy HH:mm}]", "31/03/2024 23:30")).isEqualTo("2024-03-31");
    }

    @Test
    void aDateTimeIsLocalTimeInTheSourceZoneStoredInUtc() throws Rejection {
        String helsinki = "[{datetime: {formats: [dd.MM.yyyy HH:mm, ISO], zone: Europe/Helsinki}}]";
        assertThat(apply(helsinki, "15.01.2024 09:00")).isEqualTo("2024-01-15T07:00:00.000Z");
        assertThat(apply(helsinki, "15.07.2024 09:00")).isEqualTo("2024-07-15T06:00:00.000Z");
        assertThat(apply(helsinki, "2024-07-15T09:00:00+02:00")).as("an offset in the value wins")
                .isEqualTo("2024-07-15T07:00:00.000Z");
    }

    @Test
    void aLocalTimeSkippedByTheChangeToSummerTimeIsRejected() {
        String paris = "[{datetime: {formats: [dd/MM/yyyy HH:mm], zone: Europe/Paris}}]";
        Rejection rejection = rejection(paris, "31/03/2024 02:30");
        assertThat(rejection.reasonCode()).isEqualTo("INVALID_DATETIME");
        assertThat(rejection.getMessage()).contains("does not exist in Europe/Paris");
        assertThat(rejection("[{datetime: {formats: [MM/dd/yyyy hh:mm a], zone: America/New_York}}]", "03/10/2024 02:30 AM")
                .reasonCode()).isEqualTo("INVALID_DATETIME");
    }

    @Test
    void aLocalTimeRepeatedByTheChangeToWinterTimeIsTheEarlierInstant() throws Rejection {
        String paris = "[{datetime: {formats: [dd/MM/yyyy HH:mm], zone: Europe/Paris}}]";
        assertThat(apply(paris, "27/10/2024 02:30")).isEqualTo("2024-10-27T00:30:00.000Z");
        assertThat(apply(paris, "27/10/2024 03:30")).isEqualTo("2024-10-27T02:30:00.000Z");
    }

    @Test
    void brokenFormatsAndZonesStopTheStart() {
        assertThat(Chains.problems("[{date: [dd/MM/yyyy, qq/bb]}]"))
                .contains("fields.F.transforms[0].date: formats: 'qq/bb' is not a date pattern");
        assertThat(Chains.problems("[{datetime: {formats: [ISO], zone: Europe/Pariss}}]"))
                .contains("fields.F.transforms[0].datetime: zone 'Europe/Pariss' is not a time zone id");
        assertThat(Chains.problems("[{datetime: {formats: [ISO]}}]"))
                .contains("fields.F.transforms[0].datetime: missing setting 'zone'");
    }
}
