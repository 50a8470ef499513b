package io.cutover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.reconcile.Reconciliation.Difference;
import io.cutover.reconcile.Reconciliation.ObjectReconciliation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectReconciliationTest {

    private static Difference field(String problem) {
        return new Difference("C1", "003000000000001AAA", problem, "Title", "Analyst", "Manager");
    }

    @Test
    void anEditInTheTargetAfterTheLoadDisagreesUnlessTheReverseSyncCarriesItBack() {
        assertThat(new ObjectReconciliation("Contact", 2, 2, List.of(field("CHANGED_IN_TARGET")), false).agreed()).isFalse();
        assertThat(new ObjectReconciliation("Contact", 2, 2, List.of(field("CHANGED_IN_TARGET")), true).agreed()).isTrue();
    }

    @Test
    void aValueTheTargetStoredOtherwiseOrARecordOnOneSideAlwaysDisagrees() {
        assertThat(new ObjectReconciliation("Contact", 2, 2, List.of(field("FIELD_DIFFERS")), true).agreed()).isFalse();
        assertThat(new ObjectReconciliation("Contact", 2, 2,
                List.of(field("CHANGED_IN_TARGET"), new Difference("C2", "003000000000002AAA", "IN_LEDGER_NOT_IN_TARGET")), true)
                .agreed()).isFalse();
        assertThat(new ObjectReconciliation("Contact", 2, 1, List.of(), true).agreed()).isFalse();
    }
}
