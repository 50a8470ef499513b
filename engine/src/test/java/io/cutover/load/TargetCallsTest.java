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
        // a file's multipart upload, the one call made through camel-http
        assertThat(TargetCalls.operation(
                "http://localhost:8080/services/data/v60.0/sobjects/ContentVersion?throwExceptionOnFailure=false"))
                .isEqualTo("uploadContentVersion");
    }
}
