package io.cutover.mapping.transform;

import static io.cutover.mapping.transform.Chains.apply;
import static io.cutover.mapping.transform.Chains.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoneE164Test {

    @Test
    void nationalNumbersAreReadInTheDefaultRegion() throws Rejection {
        assertThat(apply("[{phone: FR}]", "01 42 68 53 00")).isEqualTo("+33142685300");
        assertThat(apply("[{phone: FR}]", "06.12.34.56.78")).isEqualTo("+33612345678");
        assertThat(apply("[{phone: RO}]", "0721 234 567")).isEqualTo("+40721234567");
        assertThat(apply("[{phone: RO}]", "021 312 3456")).isEqualTo("+40213123456");
        assertThat(apply("[{phone: FI}]", "040 123 4567")).isEqualTo("+358401234567");
        assertThat(apply("[{phone: FI}]", "09 1234 567")).isEqualTo("+35891234567");
        assertThat(apply("[{phone: US}]", "(415) 256-8563")).isEqualTo("+14152568563");
        assertThat(apply("[{phone: US}]", "1(302)556-4395")).isEqualTo("+13025564395");
    }

    @Test
    void aNumberWithItsCountryCodeKeepsIt() throws Rejection {
        assertThat(apply("[{phone: US}]", "+33 1 42 68 53 00")).isEqualTo("+33142685300");
        assertThat(apply("[{phone: FR}]", "00 40 721 234 567")).as("00 is the international prefix dialled from France")
                .isEqualTo("+40721234567");
        assertThat(apply("[{phone: US}]", "011 40 721 234 567")).isEqualTo("+40721234567");
        assertThat(apply("[phone]", "+358 40 123 4567")).isEqualTo("+358401234567");
    }

    @Test
    void theRegionComesFromTheCountryColumnInAnyOfFourLanguages() throws Rejection {
        TransformChain chain = Chains.parse("[{phone: {region: US, regionColumn: country}}]");
        assertThat(chain.apply("0721 234 567", Map.of("country", "Roumanie"))).isEqualTo("+40721234567");
        assertThat(chain.apply("0721 234 567", Map.of("country", "România"))).isEqualTo("+40721234567");
        assertThat(chain.apply("040 123 4567", Map.of("country", "Suomi"))).isEqualTo("+358401234567");
        assertThat(chain.apply("040 123 4567", Map.of("country", "FI"))).isEqualTo("+358401234567");
        assertThat(chain.apply("01 42 68 53 00", Map.of("country", "France"))).isEqualTo("+33142685300");
        assertThat(chain.apply("(415) 256-8563", Map.of("country", "United States"))).isEqualTo("+14152568563");
        assertThat(chain.apply("(415) 256-8563", Map.of("country", "Atlantis"))).as("unknown country: default region")
                .isEqualTo("+14152568563");
        assertThat(chain.columnsRead()).containsExactly("country");
    }

    @Test
    void anInvalidNumberIsRejectedOrKeptByPolicy() throws Rejection {
        assertThat(rejection("[{phone: US}]", "1(260)120-2439").reasonCode()).isEqualTo("INVALID_PHONE");
        assertThat(rejection("[{phone: FR}]", "n/a").reasonCode()).isEqualTo("INVALID_PHONE");
        assertThat(rejection("[phone]", "0721 234 567").getMessage()).contains("no region");
        assertThat(apply("[{phone: {region: US, invalid: keep}}]", "1(260)120-2439")).isEqualTo("1(260)120-2439");
    }

    @Test
    void aFrenchExportsOverseasNumbersAreReadInTheirOwnRegions() throws Rejection {
        assertThat(apply("[{phone: FR}]", "0262 21 34 56")).as("Réunion").isEqualTo("+262262213456");
        assertThat(apply("[{phone: FR}]", "0590 81 23 45")).as("Guadeloupe").isEqualTo("+590590812345");
        assertThat(apply("[{phone: GB}]", "01481 712345")).as("Guernsey shares the UK's country code")
                .isEqualTo("+441481712345");
        assertThat(rejection("[{phone: FR}]", "0590 12").getMessage())
                .isEqualTo("not a valid phone number in region FR, nor in its territories (RE, YT, GP, BL, MF, MQ, GF, PM)");
    }

    @Test
    void aCellWithSeveralNumbersKeepsTheFirstAndWarnsOfTheOthers() throws Rejection {
        assertThat(rejection("[{phone: RO}]", "+40341 46 33 44, +40747 474747").reasonCode()).isEqualTo("INVALID_PHONE");
        List<TransformWarning> warnings = new ArrayList<>();
        assertThat(Chains.parse("[{phone: {region: RO, multiple: first}}]")
                .apply("+40341 46 33 44, +40747 474747", Map.of(), warnings::add)).isEqualTo("+40341463344");
        assertThat(warnings).containsExactly(new TransformWarning("MORE_PHONE_NUMBERS",
                "kept the first of 2 numbers; left out: +40747474747"));
        assertThat(Chains.parse("[{phone: {region: RO, multiple: first}}]").apply("0721 234 567", Map.of(), warnings::add))
                .isEqualTo("+40721234567");
        assertThat(warnings).hasSize(1);
    }

    @Test
    void anUnknownRegionStopsTheStart() {
        assertThat(Chains.problems("[{phone: XX}]"))
                .contains("mappings/test.yaml: fields.F.transforms[0].phone: region 'XX' is not a region code");
    }
}
