package io.cutover.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {

    @Test
    void emailsKeepTheirFirstCharacterAndDomain() {
        assertThat(PersonalDataMask.mask("Contact 42: jane.doe+crm@example.co.uk is taken by C-7"))
                .isEqualTo("Contact 42: j***@example.co.uk is taken by C-7");
        assertThat(PersonalDataMask.mask("Zoë.Müller@bücher.de")).isEqualTo("Z***@bücher.de");
    }

    @Test
    void phonesKeepTheirLastTwoDigits() {
        assertThat(PersonalDataMask.mask("invalid phone +33 6 12 34 56 78 in MobilePhone"))
                .isEqualTo("invalid phone +•• • •• •• •• 78 in MobilePhone");
        assertThat(PersonalDataMask.mask("+14155552671")).isEqualTo("+•••••••••71");
        assertThat(PersonalDataMask.mask("call (555) 123-4567")).isEqualTo("call (•••) •••-••67");
        assertThat(PersonalDataMask.mask("fixe 01 42 68 53 00")).isEqualTo("fixe •• •• •• •• 00");
    }

    @Test
    void countsIdsAndDatesAreLeftAlone() {
        String line = "Run 20261205-153254-ab12: Contact: read 100,000 of ≈250000 (40%), 2026-12-05T15:32:54Z, id 003000000000123AAA";
        assertThat(PersonalDataMask.mask(line)).isEqualTo(line);
    }
}
