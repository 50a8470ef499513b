package io.cutover.state;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Looking up a chunk's keys in one query. H2 does not use an index for {@code legacy_id IN (…)} after an equality on
 * the index's first columns (it scans every row of the object, so a run slows down as the ledger grows), but it does
 * look each key up in a join on a list of values: {@code join (values (?), (?), …) as k(wanted) on l.legacy_id = k.wanted}.
 * PostgreSQL plans both well. Lists are bounded, as drivers cap a statement's parameters.
 */
public final class KeyLists {

    public static final int MOST_KEYS = 1000;

    private KeyLists() {
    }

    /** The keys in lists of at most {@link #MOST_KEYS}. */
    public static List<List<String>> slices(List<String> keys) {
        if (keys.size() <= MOST_KEYS) {
            return keys.isEmpty() ? Collections.emptyList() : List.of(keys);
        }
        List<List<String>> slices = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MOST_KEYS) {
            slices.add(keys.subList(from, Math.min(from + MOST_KEYS, keys.size())));
        }
        return slices;
    }

    /** {@code (values (?), (?), …) as <alias>(wanted)}, to join on: {@code join <this> on t.column = <alias>.wanted}. */
    public static String values(int count, String alias) {
        return "(values " + String.join(", ", Collections.nCopies(count, "(cast(? as varchar(255)))")) + ") as " + alias
                + "(wanted)";
    }

    public static void bind(PreparedStatement statement, int first, List<String> keys) throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            statement.setString(first + i, keys.get(i));
        }
    }
}
