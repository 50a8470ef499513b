package io.cutover.sync;

import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.SourceCatalog;
import io.cutover.source.SourceRecord;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The pipeline's step for records the legacy CRM deleted (a REST source's {@code rest.incremental.deleted} field):
 * as the object's delete policy says, a deletion for the load to apply, a skipped change, or the record as it is, for
 * the mapping to map its deleted flag like any column. Every other record goes on unchanged.
 */
@Singleton
@Named("tombstones")
public class Tombstones {

    private final SourceCatalog sources;
    private final SyncSettings settings;

    Tombstones(SourceCatalog sources, SyncSettings settings) {
        this.sources = sources;
        this.settings = settings;
    }

    /** A chunk of the export, each record {@linkplain #apply applied to} at its place. */
    public List<Object> applyChunk(@Body List<?> chunk, @ExchangeProperty("runId") String runId) {
        List<Object> applied = new ArrayList<>(chunk.size());
        for (Object body : chunk) {
            applied.add(apply(body, runId));
        }
        return applied;
    }

    public Object apply(@Body Object body, @ExchangeProperty("runId") String runId) {
        if (!(body instanceof SourceRecord source) || !source.readable() || !sources.deletes(source)) {
            return body;
        }
        DeletePolicy policy = settings.deletes(source.object());
        if (policy == DeletePolicy.FLAG) {
            return source;
        }
        String marker = sources.changeMarker(source).orElse(null);
        if (source.legacyId() == null) {
            return PipelineRecord.rejected(runId, source.object(), "", source.recordNumber(), source.sourceRef(),
                    "MISSING_LEGACY_ID", source.sourceRef() + ": " + source.object()
                            + ": deleted in the legacy CRM, and its legacy id column is empty").withSourceValues(source.values());
        }
        if (policy == DeletePolicy.IGNORE) {
            PipelineRecord ignored = new PipelineRecord(runId, source.object(), source.legacyId(), source.recordNumber(),
                    source.sourceRef(), Map.of(), null);
            ignored.skip("DELETE_IGNORED", source.sourceRef() + ": " + source.object() + " " + source.legacyId()
                    + ": deleted in the legacy CRM; cutover.sync.deletes is ignore for " + source.object());
            return ignored.withChangedAt(marker).withSourceValues(source.values());
        }
        return PipelineRecord.toDelete(runId, source.object(), source.legacyId(), source.recordNumber(), source.sourceRef())
                .withChangedAt(marker).withSourceValues(source.values());
    }
}
