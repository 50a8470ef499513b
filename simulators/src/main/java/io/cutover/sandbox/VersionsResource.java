package io.cutover.sandbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /services/data}: the API versions the org speaks, with Salesforce's release names. */
@Path("/services/data")
public class VersionsResource {

    static final int OLDEST = 20;
    static final int NEWEST = 62;
    private static final String[] SEASONS = { "Winter", "Spring", "Summer" };

    public record ApiVersion(String label, String url, String version) {
    }

    /** Version 20.0 was Winter '11; every release since adds one version, three releases a year. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ApiVersion> versions() {
        List<ApiVersion> versions = new ArrayList<>();
        for (int major = OLDEST; major <= NEWEST; major++) {
            int release = major - OLDEST;
            String label = SEASONS[release % 3] + " '" + (11 + release / 3);
            String version = major + ".0";
            versions.add(new ApiVersion(label, "/services/data/v" + version, version));
        }
        return versions;
    }
}
