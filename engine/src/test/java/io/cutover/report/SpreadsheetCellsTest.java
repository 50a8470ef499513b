package io.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void aCellAFormulaWouldStartWithBecomesTextWithALeadingApostrophe() {
        assertThat(SpreadsheetCells.neutralise("=HYPERLINK(\"http://example.com\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://example.com\",\"x\")");
        assertThat(SpreadsheetCells.neutralise("+15550100")).isEqualTo("'+15550100");
        assertThat(SpreadsheetCells.neutralise("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetCells.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(SpreadsheetCells.neutralise("'=1")).as("already an apostrophe: one more, so that it comes back").isEqualTo("''=1");
    }

    @Test
    void otherCellsAreWrittenAsTheyAre() {
        for (String cell : List.of("", "Zoonoodle 37", "1(302)556-4395", "a=b", "'quoted'", "'", "''", " =1")) {
            assertThat(SpreadsheetCells.neutralise(cell)).isEqualTo(cell);
        }
        assertThat(SpreadsheetCells.neutralise(null)).isNull();
    }

    @Test
    void restoringGivesBackExactlyTheCellThatWasNeutralised() {
        for (String cell : List.of("=1+2", "+1", "-", "@", "\t", "\r\n", "'=1", "''+1", "'", "''", "'abc", "abc", "", "'-'",
                "=", "' =1")) {
            assertThat(SpreadsheetCells.restore(SpreadsheetCells.neutralise(cell))).as("[%s]", cell).isEqualTo(cell);
        }
        assertThat(SpreadsheetCells.restore(null)).isNull();
    }
}
