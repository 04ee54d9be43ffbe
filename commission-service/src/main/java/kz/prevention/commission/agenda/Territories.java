package kz.prevention.commission.agenda;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.commission.CommissionKind;
import kz.prevention.commons.territory.KatoScope;

/**
 * Which commission a territory's matter goes to: among the commissions of a kind whose territory
 * covers the KATO code (the republic, its region, district, rural district, the code itself — each
 * at its own level, never a sibling sharing stripped digits), the one closest to it.
 */
public final class Territories {

    private static final int[] LEVEL_ENDS = {0, 2, 4, 6, 9};

    private Territories() {
    }

    /** The codes of every territory that covers {@code code}, from the republic down to itself. */
    public static Set<String> enclosing(String code) {
        Set<String> out = new LinkedHashSet<>();
        for (int end : LEVEL_ENDS) {
            out.add(code.substring(0, end) + "0".repeat(9 - end));
        }
        return out;
    }

    public static Optional<Commission> closest(CommissionKind kind, String code) {
        if (!KatoScope.isCode(code)) {
            return Optional.empty();
        }
        List<Commission> candidates = Commission.list("kind = ?1 and territory in ?2", kind, enclosing(code));
        return candidates.stream().filter(c -> KatoScope.covers(c.territory, code))
                .max(java.util.Comparator.comparingInt(c -> KatoScope.level(c.territory)));
    }
}
