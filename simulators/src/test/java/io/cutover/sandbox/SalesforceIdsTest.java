package io.cutover.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @Test
    void suffixesOfIdsRecordedFromARealOrg() {
        assertThat(SalesforceIds.to18("0015500001QdQWa")).isEqualTo("0015500001QdQWaAAN");
        assertThat(SalesforceIds.to18("0037e00001WZ310")).isEqualTo("0037e00001WZ310AAD");
        assertThat(SalesforceIds.to18("0035500001H9cak")).isEqualTo("0035500001H9cakAAB");
        assertThat(SalesforceIds.to18("a01B0000009ZjAm")).isEqualTo("a01B0000009ZjAmIAK");
    }

    @Test
    void newIdsCarryTheKeyPrefixAndAValidSuffix() {
        String id = SalesforceIds.newId("003", 3_844_000L);
        assertThat(id).hasSize(18).startsWith("0038d0");
        assertThat(SalesforceIds.to18(id.substring(0, 15))).isEqualTo(id);
    }

    @Test
    void normalizeAcceptsFifteenAndEighteenCharacterIdsOnly() {
        assertThat(SalesforceIds.normalize("0015500001QdQWa")).isEqualTo("0015500001QdQWaAAN");
        assertThat(SalesforceIds.normalize("0015500001QdQWaaan")).isEqualTo("0015500001QdQWaAAN");
        assertThat(SalesforceIds.normalize("0015500001QdQWaAAB")).isNull();
        assertThat(SalesforceIds.normalize("not-an-id")).isNull();
    }
}
