package kz.prevention.measures.measure;

import java.util.List;

/** PLANNED → IN_PROGRESS → DONE, and CANCELLED from either unfinished state. */
public enum MeasureStatus {
    PLANNED,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    public static final List<MeasureStatus> OPEN_STATES = List.of(PLANNED, IN_PROGRESS);

    public boolean isOpen() {
        return OPEN_STATES.contains(this);
    }
}
