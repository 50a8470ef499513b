package io.cutover.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "profile",
        header = "Profiles the exports: fill rates, values, shapes, problems.",
        description = {"Profiles the described exports: per column fill rate, distinct values, shapes, problems (bad"
                + " e-mails, phones, dates, duplicate legacy ids); writes profile.md and profile.json, calls no target"
                + " (cutover.mode=profile)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover profile",
            "      the sample export, into data/profile/",
            "  cutover profile --export-dir /exports/2026-12-01 --phone-region DE",
            "      another export, its phones without a country code taken as German"})
class ProfileCommand implements ConfiguresApplication {

    @Mixin
    CommonOptions common;
    @Mixin
    ProjectOptions project;
    @Mixin
    OutputOptions output;

    @Option(names = "--phone-region", paramLabel = "REGION", description = "The region phones without a country code"
            + " are checked in (cutover.profile.phone-region; default US).")
    String phoneRegion;

    @Option(names = "--distinct-values", paramLabel = "N", description = "Distinct values counted exactly per column"
            + " (cutover.profile.distinct-values; default 10000).")
    Integer distinctValues;

    @Override
    public void configure(Map<String, String> configuration) {
        common.configure(configuration);
        project.configure(configuration);
        output.configure(configuration);
        configuration.put("cutover.mode", "profile");
        if (phoneRegion != null) {
            configuration.put("cutover.profile.phone-region", phoneRegion);
        }
        if (distinctValues != null) {
            configuration.put("cutover.profile.distinct-values", distinctValues.toString());
        }
    }
}
