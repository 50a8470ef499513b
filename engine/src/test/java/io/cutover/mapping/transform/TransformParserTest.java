package io.cutover.mapping.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransformParserTest {

    @Test
    void everyProblemNamesTheFileTheTransformAndWhatIsWrong() {
        String message = Chains.problems("[trim, uppercase, {case: shout}, {trim: yes}, {split: middle}, {truncate: -3}]");
        assertThat(message)
                .contains("the mapping files have 5 problems")
                .contains("mappings/test.yaml: fields.F.transforms[1]: expected one of [trim, collapse")
                .contains("mappings/test.yaml: fields.F.transforms[2].case: to: expected one of [upper, lower, title], found 'shout'")
                .contains("mappings/test.yaml: fields.F.transforms[3].trim: takes no settings")
                .contains("mappings/test.yaml: fields.F.transforms[4].split: part: expected one of [first, last]")
                .contains("mappings/test.yaml: fields.F.transforms[5].truncate: length: expected a positive whole number");
    }

    @Test
    void concatComesFirst() {
        assertThat(Chains.problems("[trim, {concat: ' '}]"))
                .contains("fields.F.transforms[1]: concat joins the field's columns, so it comes first");
    }

    @Test
    void transformsAreAList() {
        assertThat(Chains.problems("trim")).contains("fields.F.transforms: expected a list of transforms");
    }
}
