package io.cutover.sandbox.soql;

import java.util.List;

/** A parsed SELECT: fields (none for COUNT()), object, optional WHERE, ORDER BY, LIMIT and OFFSET. */
public record SoqlQuery(List<String> fields, boolean count, String objectName, Condition where,
        List<OrderItem> orderBy, Integer limit, Integer offset) {

    public record OrderItem(String field, boolean descending, boolean nullsFirst) {
    }
}
