package kz.prevention.reporting.indicators;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


/**
 * Which published indicators are sums of others ({@code reporting/indicator-links.json}, dated and
 * versioned like the catalog): ENTRIES_REGISTERED = MINORS + ADULTS, and so on. A difference nobody
 * publishes (adults) is a {@code derived} cell: never shown, but an attacker can compute it from two
 * published tables, so it takes part in the audit. Each link is written once; a {@link Family} is
 * everything linked to an indicator, directly or through other links, and its tables are always
 * suppressed together. A {@code slice} says a published indicator is one column of another's
 * breakdown (protective orders = registrations by category, PROTECTIVE_ORDER).
 */
@ApplicationScoped
public class IndicatorLinks {

    public static final String RESOURCE = "reporting/indicator-links.json";

    public record Derived(String code, String definition) {
    }

    /** {@code total = Σ parts}, cell by cell of the same territory and period. */
    public record Link(String total, List<String> parts) {
        List<String> codes() {
            List<String> all = new ArrayList<>();
            all.add(total);
            all.addAll(parts);
            return all;
        }
    }

    /** {@code indicator} = column {@code value} of {@code of}'s breakdown {@code by}. */
    public record Slice(String indicator, String of, String by, String value) {
    }

    public record Document(String catalog, String version, String validFrom, Map<String, String> description,
            List<Derived> derived, List<Link> links, List<Slice> slices) {
    }

    /**
     * The linked indicators: the published ones in catalog order, then the derived ones in file
     * order; the links among them. One indicator alone is a family without links.
     */
    public record Family(List<String> published, List<String> derived, List<Link> links) {
        public List<String> members() {
            List<String> all = new ArrayList<>(published);
            all.addAll(derived);
            return all;
        }
    }

    private final Document document;
    private final IndicatorCatalog catalog;

    @Inject
    public IndicatorLinks(IndicatorCatalog catalog) {
        this(catalog, load());
    }

    public IndicatorLinks(IndicatorCatalog catalog, Document document) {
        this.catalog = catalog;
        this.document = document;
        Set<String> derived = new HashSet<>();
        for (Derived d : document.derived()) {
            if (catalog.find(d.code()).isPresent() || !derived.add(d.code())) {
                throw new IllegalStateException("derived " + d.code() + " must have a code of its own");
            }
        }
        Set<String> written = new HashSet<>();
        Set<String> derivedUsed = new HashSet<>();
        for (Link l : document.links()) {
            if (!written.add(l.total() + "=" + new java.util.TreeSet<>(l.parts()))) {
                throw new IllegalStateException("link " + l + " is written twice");
            }
            long unpublished = l.codes().stream().filter(derived::contains).count();
            if (unpublished > 1 || l.parts().size() < 2 && unpublished == 0) {
                throw new IllegalStateException("link " + l + " needs at least two parts and at most one derived cell");
            }
            Boolean stock = null;
            for (String c : l.codes()) {
                if (derived.contains(c)) {
                    if (!derivedUsed.add(c)) {
                        throw new IllegalStateException("derived " + c + " is defined by more than one link");
                    }
                    continue;
                }
                Indicator i = catalog.find(c).orElseThrow(() -> new IllegalStateException("link names unknown " + c));
                if (i.rate()) {
                    throw new IllegalStateException("link " + l + " names the rate " + c + ": links are between counts");
                }
                if (stock != null && stock != i.stock()) {
                    throw new IllegalStateException("link " + l + " mixes stocks and flows");
                }
                stock = i.stock();
            }
        }
        if (!derivedUsed.equals(derived)) {
            throw new IllegalStateException("derived cells without a link: " + derived);
        }
        for (Slice s : document.slices()) {
            if (catalog.find(s.indicator()).isEmpty() || catalog.find(s.of()).isEmpty()) {
                throw new IllegalStateException("slice " + s + " names an unknown indicator");
            }
        }
    }

    public static Document load() {
        return CatalogResource.read(RESOURCE, Document.class);
    }

    public Document document() {
        return document;
    }

    public String version() {
        return document.version();
    }

    /** Everything linked to a published count indicator, itself included. */
    public Family family(String code) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(code);
        seen.add(code);
        List<Link> links = new ArrayList<>();
        while (!todo.isEmpty()) {
            String c = todo.poll();
            for (Link l : document.links()) {
                if (l.codes().contains(c)) {
                    if (!links.contains(l)) {
                        links.add(l);
                    }
                    for (String o : l.codes()) {
                        if (seen.add(o)) {
                            todo.add(o);
                        }
                    }
                }
            }
        }
        List<String> published = catalog.indicators().stream().map(Indicator::code).filter(seen::contains).toList();
        List<String> derived = document.derived().stream().map(Derived::code).filter(seen::contains).toList();
        links.sort(java.util.Comparator.comparingInt(document.links()::indexOf));
        return new Family(published, derived, List.copyOf(links));
    }

    /** The published indicators equal to a column of {@code of}'s breakdown by {@code by}. */
    public List<Slice> slicesOf(String of, String by) {
        return document.slices().stream().filter(s -> s.of().equals(of) && s.by().equals(by)).toList();
    }

    public Optional<Derived> derived(String code) {
        return document.derived().stream().filter(d -> d.code().equals(code)).findFirst();
    }
}
