package io.cutover.mapping.transform;

import static io.cutover.mapping.transform.Chains.apply;
import static io.cutover.mapping.transform.Chains.problems;
import static io.cutover.mapping.transform.Chains.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A REST source's nested JSON, as the column's text, read with Camel's jsonpath language. */
class JsonPathValueTest {

    private static final String ADDRESS = """
            {"street": "12 rue de la Paix", "city": "Paris", "postalCode": "75002",
             "geo": {"lat": 48.8691, "lon": 2.3318}, "phones": [{"type": "work", "number": "01 42 68 53 00"}]}""";

    @Test
    void aPathPicksOneValueOfTheJson() throws Rejection {
        assertThat(apply("[{jsonpath: $.city}]", ADDRESS)).isEqualTo("Paris");
        assertThat(apply("[{jsonpath: $.postalCode}]", ADDRESS)).as("stays text: leading zeros matter").isEqualTo("75002");
        assertThat(apply("[{jsonpath: $.geo.lat}]", ADDRESS)).isEqualTo("48.8691");
        assertThat(apply("[{jsonpath: \"$.phones[0].number\"}, {phone: FR}]", ADDRESS)).isEqualTo("+33142685300");
        assertThat(apply("[{jsonpath: $.geo}]", ADDRESS)).isEqualTo("{\"lat\":48.8691,\"lon\":2.3318}");
    }

    @Test
    void aPathTheValueDoesNotHaveGivesAnEmptyValue() throws Rejection {
        assertThat(apply("[{jsonpath: $.region}, {default: Île-de-France}]", ADDRESS)).isEqualTo("Île-de-France");
        assertThat(apply("[{jsonpath: $.city}]", null)).isNull();
    }

    @Test
    void textThatIsNotJsonIsRejectedAndABrokenPathStopsTheStart() {
        assertThat(rejection("[{jsonpath: $.city}]", "12 rue de la Paix, Paris").reasonCode()).isEqualTo("INVALID_JSON");
        assertThat(problems("[{jsonpath: \"$.phones[0\"}]")).contains("fields.F.transforms[0].jsonpath: path: '$.phones[0' is not a JSONPath");
    }
}
