package io.cutover.schema;

import java.util.Optional;

/** The describes built into the application (recorded from a real org, plus the legacy-id overlay), for plain tests. */
public final class BuiltInDescribes {

    private BuiltInDescribes() {
    }

    public static DescribeDocuments load() {
        DescribeDocuments documents = new DescribeDocuments();
        documents.schemaDir = Optional.empty();
        documents.load();
        return documents;
    }

    public static TargetSchema schema() {
        TargetSchema schema = new TargetSchema();
        schema.documents = load();
        schema.build();
        return schema;
    }
}
