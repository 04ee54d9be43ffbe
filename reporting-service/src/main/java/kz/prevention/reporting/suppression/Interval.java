package kz.prevention.reporting.suppression;

/** The values a hidden cell can take given everything published: [low, high], high possibly infinite. */
public record Interval(double low, double high) {

    /** Protected: the cell could be nobody, and could be at least the threshold. */
    public boolean protects(int threshold) {
        return low <= 1e-6 && high >= threshold - 1e-6;
    }

    public boolean exact() {
        return high - low < 1e-6;
    }
}
