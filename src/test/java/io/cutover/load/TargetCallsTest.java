package io.cutover.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetCallsTest {

    @Test
    void aCallIsNamedByItsCamelSalesforceOperation() {
        assertThat(TargetCalls.operation("salesforce://bulk2CreateJob")).isEqualTo("bulk2CreateJob");
        assertThat(TargetCalls.operation("salesforce://compositeUpsertSObjectCollections?allOrNone=false"))
                .isEqualTo("compositeUpsertSObjectCollections");
        assertThat(TargetCalls.operation("salesforce:query?rawPayload=true")).isEqualTo("query");
        assertThat(TargetCalls.operation("salesforce://subscribe:data/AccountChangeEvent")).isEqualTo("subscribe");
    }
}
