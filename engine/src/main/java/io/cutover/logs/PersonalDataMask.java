package io.cutover.logs;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks e-mail addresses and phone numbers in every log line (cutover.log.mask-personal-data, on by default): logs
 * travel further than the state store and the rejects files, to log collectors people outside the project read.
 * {@code jane.doe@example.com} becomes {@code j***@example.com}; a phone keeps its last two digits. Phones are numbers
 * written as phones are: international ({@code +33 6 12 34 56 78}), North American ({@code (555) 123-4567}) or French
 * national ({@code 06 12 34 56 78}); bare digit runs (counts, ids, dates) are left alone.
 */
@LoggingFilter(name = "personal-data")
public final class PersonalDataMask implements Filter {

    private static final Pattern EMAIL = Pattern.compile("([\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+'-]*@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");
    private static final Pattern PHONE = Pattern.compile(
            "\\+\\d[\\d ().-]{5,}\\d|\\(?\\b\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}\\b|\\b0\\d(?:[ .]?\\d{2}){4}\\b");

    private final boolean enabled;

    public PersonalDataMask(@ConfigProperty(name = "cutover.log.mask-personal-data") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (enabled && record instanceof ExtLogRecord ext && ext.getMessage() != null) {
            String formatted = ext.getFormattedMessage();
            String masked = mask(formatted);
            if (!masked.equals(formatted)) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }

    static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String emails = EMAIL.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "***@" + match.group(2)));
        return PHONE.matcher(emails).replaceAll(match -> Matcher.quoteReplacement(maskedPhone(match.group())));
    }

    private static String maskedPhone(String phone) {
        StringBuilder masked = new StringBuilder(phone.length());
        int digitsLeft = (int) phone.chars().filter(Character::isDigit).count();
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                masked.append(digitsLeft-- > 2 ? '•' : c);
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
