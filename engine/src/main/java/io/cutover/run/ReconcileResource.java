package io.cutover.run;

import io.cutover.reconcile.Reconciliation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reconciliation on demand (docs/runs.md): every mapped object's records in the target compared with the ledger, as
 * the reconcile mode does, while the application keeps running (during the sync, before go-live). The same operator
 * role as /runs. Answers when done, with what it found; the lists of differences are in the folder it names.
 */
@Path("/reconcile")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ControlTokenIdentityProvider.OPERATOR)
@Tag(name = "Reconciliation", description = "The target read back and compared with the ledger")
@SecurityRequirement(name = RunControlResource.CONTROL_TOKEN)
public class ReconcileResource {

    /** One object: the ledger's and the target's counts, and how many differences its CSV lists. */
    public record ObjectCheck(long ledger, long target, int differences, boolean agreed) {}

    public record Check(Instant at, boolean agreed, Map<String, ObjectCheck> objects, String folder) {}

    @Inject
    MigrationLauncher launcher;

    @POST
    @Operation(summary = "Reconciles every mapped object with the target now",
            description = "Answers when done; the records on one side only are listed in CSV files in the folder named")
    public Check reconcile() {
        Reconciliation.Result result = launcher.reconcileNow();
        Map<String, ObjectCheck> objects = new LinkedHashMap<>();
        result.objects().forEach((object, o) -> objects.put(object,
                new ObjectCheck(o.ledger(), o.target(), o.differences().size(), o.agreed())));
        return new Check(result.at(), result.agreed(), objects, result.folder().toString());
    }
}
