package kz.prevention.commission.commission;

import kz.prevention.commons.territory.KatoScope;

/**
 * The level a commission sits at, and the KATO levels its territory may have: the republic for
 * the national one, a region (or city of republican significance), a city (of republican or
 * regional significance), a district, a rural district or settlement for a village commission.
 */
public enum CommissionLevel {
    NATIONAL(0, 0),
    REGION(1, 1),
    CITY(1, 2),
    DISTRICT(2, 2),
    VILLAGE(3, 4);

    private final int minKatoLevel;
    private final int maxKatoLevel;

    CommissionLevel(int minKatoLevel, int maxKatoLevel) {
        this.minKatoLevel = minKatoLevel;
        this.maxKatoLevel = maxKatoLevel;
    }

    public boolean fits(String territory) {
        int level = KatoScope.level(territory);
        return level >= minKatoLevel && level <= maxKatoLevel;
    }
}
