package io.cutover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cutover.schema.FieldDescribe;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredValuesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void valuesCompareAsTheirFieldsTypeStoresThem() {
        assertThat(StoredValues.same(field("double"), 5, JSON.numberNode(5.0))).isTrue();
        assertThat(StoredValues.same(field("currency"), "1200.50", JSON.numberNode(1200.5))).isTrue();
        assertThat(StoredValues.same(field("currency"), "1200.50", JSON.numberNode(1200.51))).isFalse();
        assertThat(StoredValues.same(field("datetime"), "2024-01-05T10:00:00Z", JSON.textNode("2024-01-05T10:00:00.000+0000"))).isTrue();
        assertThat(StoredValues.same(field("datetime"), "2024-01-05T11:00:00+01:00", JSON.textNode("2024-01-05T10:00:00.000+0000"))).isTrue();
        assertThat(StoredValues.same(field("datetime"), "2024-01-05T10:00:01Z", JSON.textNode("2024-01-05T10:00:00.000+0000"))).isFalse();
        assertThat(StoredValues.same(field("date"), "2024-01-05", JSON.textNode("2024-01-05"))).isTrue();
        assertThat(StoredValues.same(field("reference"), "001000000000001AAA", JSON.textNode("001000000000001"))).isTrue();
        assertThat(StoredValues.same(field("boolean"), true, JSON.booleanNode(true))).isTrue();
        assertThat(StoredValues.same(field("string"), "", NullNode.getInstance())).isTrue();
        assertThat(StoredValues.same(field("string"), "Analyst", NullNode.getInstance())).isFalse();
        assertThat(StoredValues.same(field("string"), "Analyst", JSON.textNode("analyst"))).isFalse();
        assertThat(StoredValues.same(null, "Analyst", JSON.textNode("Analyst"))).isTrue();
    }

    private static FieldDescribe field(String type) {
        return new FieldDescribe("F", type, 255, true, true, true, false, false, false, List.of(), false, List.of(), null, false, false);
    }
}
