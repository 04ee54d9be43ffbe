package kz.prevention.reporting.territory;

import kz.prevention.commons.territory.KatoScope;

/**
 * Where a KATO code is counted at each level of the hierarchy. A code's own level comes from
 * {@link KatoScope#level} (the zeros filling the levels below it), never from stripping trailing
 * zeros: 100000000 is the region 10, 271000000 the district 2710 of region 27. At a level deeper
 * than its own, a code is counted under itself — the part of its parent recorded at the parent's
 * own level — so the children of every territory add up to it.
 */
public final class Territory {

    /** Region, district, rural district, settlement: where each level's own digits end. */
    private static final int[] LEVEL_ENDS = {2, 4, 6, 9};
    public static final int LEVELS = 4;

    private Territory() {
    }

    /** The code's territory at {@code level} (1..4). */
    public static String at(String code, int level) {
        if (level < 1 || level > LEVELS) {
            throw new IllegalArgumentException("level must be 1..4");
        }
        int own = KatoScope.level(code);
        if (own == 0 || own <= level) {
            return own == 0 ? code : truncate(code, Math.min(level, own));
        }
        return truncate(code, level);
    }

    private static String truncate(String code, int level) {
        int end = LEVEL_ENDS[level - 1];
        return code.substring(0, end) + "0".repeat(9 - end);
    }

    /** The parent of a territory code (the republic 000000000 for a region). */
    public static String parent(String code) {
        int own = KatoScope.level(code);
        return own <= 1 ? KatoScope.REPUBLIC : truncate(code, own - 1);
    }

    /** 1..4 for a level name (region, district, rural-district, settlement) or digit; -1 when unknown. */
    public static int levelOf(String name) {
        return switch (name == null ? "" : name) {
            case "1", "region" -> 1;
            case "2", "district" -> 2;
            case "3", "rural-district" -> 3;
            case "4", "settlement" -> 4;
            default -> -1;
        };
    }

    /** Whether the code is counted at {@code level} as itself, the part of its parent recorded at the parent's level. */
    public static boolean unallocated(String code, int level) {
        return KatoScope.level(code) < level;
    }
}
