package kz.prevention.reporting.work;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.prevention.commons.territory.KatoScope;
import kz.prevention.reporting.territory.Territory;

/**
 * A unit whose prevention work is measured: the keeping agency in a district (KATO level 2; a
 * region-level code such as 100000000 is its own district, as {@link Territory#at} counts it).
 * Written {@code AGENCY-KATO} in paths and answers: {@code POLICE-751000000}.
 */
public record Unit(String agency, String kato) implements Comparable<Unit> {

    private static final Pattern ID = Pattern.compile("([A-Z][A-Z_]{0,39})-([0-9]{9})");

    /** The unit of an agency holding an entry in {@code region}. */
    public static Unit of(String agency, String region) {
        return new Unit(agency, Territory.at(region, 2));
    }

    /** Empty for a string that is not a unit's id (malformed, or a territory below district level). */
    public static Optional<Unit> parse(String id) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches() || !KatoScope.isCode(m.group(2)) || !Territory.at(m.group(2), 2).equals(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new Unit(m.group(1), m.group(2)));
    }

    public String id() {
        return agency + "-" + kato;
    }

    @Override
    public int compareTo(Unit other) {
        return id().compareTo(other.id());
    }
}
