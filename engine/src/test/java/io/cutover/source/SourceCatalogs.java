package io.cutover.source;

import java.nio.file.Path;

/** Source catalogs for tests of other packages: the source descriptions of a folder, as the application reads them. */
public final class SourceCatalogs {

    private SourceCatalogs() {
    }

    public static SourceCatalog of(Path descriptionDir, Path exportDir) {
        return new SourceCatalog(() -> descriptionDir, () -> exportDir);
    }
}
