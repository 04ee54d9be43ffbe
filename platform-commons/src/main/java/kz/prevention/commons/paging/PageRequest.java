package kz.prevention.commons.paging;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/** A validated page request: lists are never unbounded. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** From raw query parameters; null means the default. */
    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || p > 100_000) {
            throw ProblemException.field(ProblemType.VALIDATION, "page", "must be between 0 and 100000");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.field(ProblemType.VALIDATION, "size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
