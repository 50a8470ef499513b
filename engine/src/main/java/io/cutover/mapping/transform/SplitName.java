package io.cutover.mapping.transform;

import java.util.Map;

/**
 * One part of a full name: the last word is the last name, the words before it the first name ("Jean Claude Van"
 * is first "Jean Claude", last "Van"). A one-word name is a last name only, since Salesforce requires LastName.
 */
final class SplitName implements Transform {

    enum Part { FIRST, LAST }

    private final Part part;

    SplitName(Part part) {
        this.part = part;
    }

    @Override
    public String apply(String value, Map<String, String> row) {
        if (value == null) {
            return null;
        }
        String name = value.strip();
        int lastSpace = name.length() - 1;
        while (lastSpace >= 0 && !CollapseWhitespace.isSpace(name.charAt(lastSpace))) {
            lastSpace--;
        }
        if (part == Part.LAST) {
            return name.isEmpty() ? null : name.substring(lastSpace + 1);
        }
        return lastSpace < 0 ? null : name.substring(0, lastSpace).strip();
    }
}
