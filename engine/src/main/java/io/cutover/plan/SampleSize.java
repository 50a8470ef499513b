package io.cutover.plan;

/** How much of each object a sample run takes: a number of records, or a share of the legacy ids. */
public record SampleSize(long records, int percent) {

    /** {@code 100} or {@code 10%}. */
    public static SampleSize parse(String text) {
        String size = text.trim();
        try {
            SampleSize parsed = size.endsWith("%")
                    ? new SampleSize(0, Integer.parseInt(size.substring(0, size.length() - 1).trim()))
                    : new SampleSize(Long.parseLong(size), 0);
            if (parsed.records() < 0 || parsed.percent() < 0 || parsed.percent() > 100 || parsed.records() == 0 && parsed.percent() == 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new PlanException("The sample size is '" + text + "'; it is a number of records per object (100) "
                    + "or a share of them (10%)");
        }
    }

    @Override
    public String toString() {
        return percent > 0 ? percent + "%" : records + " records";
    }
}
