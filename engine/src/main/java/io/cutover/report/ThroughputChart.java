package io.cutover.report;

import io.cutover.state.OutcomesOverTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A run's throughput over time as an inline SVG bar chart, drawn on the server so that the page needs no script:
 * records given their outcome per second, one bar per interval, the run cut into about {@link #BARS} intervals of
 * whole seconds. Each bar carries its interval's records ({@code data-records}) for whoever reads the page's numbers.
 */
public record ThroughputChart(Duration interval, List<OutcomesOverTime.Interval> intervals, String svg) {

    static final int BARS = 60;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 180;
    private static final int LEFT = 56;
    private static final int BOTTOM = 24;

    /** The interval that cuts a run of this length into about {@link #BARS} bars: at least a second. */
    static Duration intervalFor(Instant startedAt, Instant endedAt) {
        long seconds = Duration.between(startedAt, endedAt == null ? Instant.now() : endedAt).toSeconds();
        return Duration.ofSeconds(Math.max(1, (seconds + BARS - 1) / BARS));
    }

    static ThroughputChart of(Duration interval, List<OutcomesOverTime.Interval> intervals) {
        return new ThroughputChart(interval, intervals, svg(interval, intervals));
    }

    public long records() {
        return intervals.stream().mapToLong(OutcomesOverTime.Interval::records).sum();
    }

    public long intervalSeconds() {
        return interval.toSeconds();
    }

    /** The busiest interval's records per second, as the page shows it. */
    public String peakShown() {
        return shown(peakPerSecond());
    }

    /** The busiest interval's records per second. */
    public double peakPerSecond() {
        return intervals.stream().mapToLong(OutcomesOverTime.Interval::records).max().orElse(0)
                / (double) interval.toSeconds();
    }

    private static String svg(Duration interval, List<OutcomesOverTime.Interval> intervals) {
        if (intervals.isEmpty()) {
            return "";
        }
        Instant first = intervals.get(0).start();
        long slots = Duration.between(first, intervals.get(intervals.size() - 1).start()).toSeconds() / interval.toSeconds() + 1;
        double peak = intervals.stream().mapToLong(OutcomesOverTime.Interval::records).max().orElse(1)
                / (double) interval.toSeconds();
        double plotWidth = WIDTH - LEFT - 8;
        double plotHeight = HEIGHT - BOTTOM - 8;
        double barWidth = plotWidth / slots;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"throughput\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"records per second over the run\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"8\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>"
                + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>%n",
                LEFT, LEFT, 8 + plotHeight, LEFT, 8 + plotHeight, WIDTH - 8, 8 + plotHeight));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" text-anchor=\"end\" font-size=\"11\">%s/s</text>%n",
                LEFT - 4, shown(peak)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">0</text>%n",
                LEFT - 4, 8 + plotHeight));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">0 s</text>"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">%d s</text>%n",
                LEFT, HEIGHT - 6, WIDTH - 8, HEIGHT - 6, slots * interval.toSeconds()));
        for (OutcomesOverTime.Interval bar : intervals) {
            long slot = Duration.between(first, bar.start()).toSeconds() / interval.toSeconds();
            double perSecond = bar.records() / (double) interval.toSeconds();
            double height = peak == 0 ? 0 : plotHeight * perSecond / peak;
            svg.append(String.format(Locale.ROOT, "<rect class=\"interval\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%.1f\" fill=\"#1565c0\" data-second=\"%d\" data-records=\"%d\"><title>%s s: %d records, "
                    + "%s/s</title></rect>%n", LEFT + slot * barWidth, 8 + plotHeight - height, Math.max(1, barWidth - 1),
                    height, slot * interval.toSeconds(), bar.records(), slot * interval.toSeconds(), bar.records(),
                    shown(perSecond)));
        }
        return svg.append("</svg>").toString();
    }

    private static String shown(double perSecond) {
        return perSecond >= 10 ? String.format(Locale.ROOT, "%.0f", perSecond) : String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
