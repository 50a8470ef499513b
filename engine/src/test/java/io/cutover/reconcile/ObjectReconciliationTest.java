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
        assertThat(new ObjectReconciliation("Contact", 2, 2, List.of(field("CHANGED_IN_TARGET")), false, 0, false).agreed()).isFalse();
        assertThat(new ObjectReconciliation("Contact", 2, 2, List.of(field("CHANGED_IN_TARGET")), true, 0, false).agreed()).isTrue();
    }

    @Test
    void aValueTheTargetStoredOtherwiseOrARecordOnOneSideAlwaysDisagrees() {
        assertThat(new ObjectReconciliation("Contact", 2, 2, List.of(field("FIELD_DIFFERS")), true, 0, false).agreed()).isFalse();
        assertThat(new ObjectReconciliation("Contact", 2, 2,
                List.of(field("CHANGED_IN_TARGET"), new Difference("C2", "003000000000002AAA", "IN_LEDGER_NOT_IN_TARGET")), true,
                0, false).agreed()).isFalse();
        assertThat(new ObjectReconciliation("Contact", 2, 1, List.of(), true, 0, false).agreed()).isFalse();
    }

    @Test
    void anOrphanDisagreesEvenWhileTheReverseSyncCarriesTargetEditsBack() {
        ObjectReconciliation orphaned = new ObjectReconciliation("Contact", 2, 2,
                List.of(new Difference("C1", "003000000000001AAA", "ORPHAN", "AccountId", "001000000000001AAA", null)), true, 2,
                false);
        assertThat(orphaned.agreed()).isFalse();
        assertThat(orphaned.orphans()).isEqualTo(1);
    }
}
