package io.cutover.mapping.transform;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * A number or amount written the way a language writes it (fr: 1 234,56; ro: 1.234,56; en: 1,234.56) → 1234.56.
 * Currency symbols (€, $, £) are dropped. Group separators must sit between groups of three digits before the decimal
 * separator, so a value written for another language (1.234,56 read as English) is rejected instead of misread.
 */
final class ParseNumber implements Transform {

    private final char decimalSeparator;
    private final char groupingSeparator;
    private final boolean spaceGrouping;

    ParseNumber(Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.decimalSeparator = symbols.getDecimalSeparator();
        this.groupingSeparator = symbols.getGroupingSeparator();
        // French groups with a (narrow) no-break space; exports write a plain space just as often
        this.spaceGrouping = CollapseWhitespace.isSpace(groupingSeparator);
    }

    @Override
    public String apply(String value, Map<String, String> row) throws Rejection {
        if (value == null) {
            return null;
        }
        String plain = plain(value.strip());
        if (plain == null) {
            throw new Rejection("INVALID_NUMBER", "not a number as written with decimal separator '" + decimalSeparator
                    + "' and group separator '" + groupingSeparator + "'");
        }
        return new BigDecimal(plain).toPlainString();
    }

    /** The number with '.' as decimal separator and no grouping, or null when the text is not a number. */
    private String plain(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        int digitsInGroup = 0;
        boolean grouped = false;
        boolean decimals = false;
        boolean digits = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                plain.append(c);
                digitsInGroup++;
                digits = true;
            } else if (c == decimalSeparator && !decimals) {
                if (grouped && digitsInGroup != 3) {
                    return null;
                }
                plain.append('.');
                decimals = true;
            } else if (isGrouping(c) && !decimals && digits) {
                if (grouped && digitsInGroup != 3 || !grouped && digitsInGroup > 3) {
                    return null;
                }
                grouped = true;
                digitsInGroup = 0;
            } else if ((c == '-' || c == '+') && plain.length() == 0) {
                plain.append(c);
            } else if (CollapseWhitespace.isSpace(c) ? isBetweenDigits(text, i)
                    : Character.getType(c) != Character.CURRENCY_SYMBOL) {
                // a space that does not group digits may only set a currency symbol apart: "12 34.5" is no English number
                return null;
            }
        }
        if (!digits || grouped && !decimals && digitsInGroup != 3) {
            return null;
        }
        return plain.toString();
    }

    private static boolean isBetweenDigits(String text, int i) {
        return i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
    }

    private boolean isGrouping(char c) {
        return c == groupingSeparator || spaceGrouping && CollapseWhitespace.isSpace(c);
    }
}
