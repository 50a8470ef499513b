package io.cutover.report;

/**
 * Cells of the CSV files people open in a spreadsheet. A cell that starts with {@code = + - @}, a tab or a carriage
 * return is a formula to Excel and its peers (CSV injection): such a cell is written with a leading apostrophe, which
 * makes it text. So that the escaping can be undone exactly, a cell that already starts with apostrophes followed by
 * one of those characters gets one more apostrophe; {@link #restore} removes exactly one.
 */
public final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    public static String neutralise(String cell) {
        return cell != null && isFormulaAfterApostrophes(cell, 0) ? "'" + cell : cell;
    }

    /** The cell as it was before {@link #neutralise}. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && isFormulaAfterApostrophes(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean isFormulaAfterApostrophes(String cell, int from) {
        int i = from;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(i)) >= 0;
    }
}
