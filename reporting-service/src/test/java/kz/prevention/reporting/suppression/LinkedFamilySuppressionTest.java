package kz.prevention.reporting.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

import kz.prevention.reporting.support.Simplex;

/**
 * Linked tables protected jointly, pure and fast. The random families are built from the persons
 * themselves: per leaf territory and period, how many were minors or adults and under a protective
 * order or not (or, for measures, done on time or late). The test's own linear programmes range
 * over those counts — not over the production relations — so "all − minors" or "on time + late" is
 * something they know from what the counts mean, and the bounds are what an attacker holding every
 * published cell of all the tables together can learn.
 */
class LinkedFamilySuppressionTest {

    private static final int THRESHOLD = 5;

    private static final List<FamilyTable.Link> ENTRY_LINKS = List.of(
            new FamilyTable.Link("ALL", List.of("MINORS", "ADULTS")),
            new FamilyTable.Link("ALL", List.of("PROTECTIVE_ORDERS", "OTHER_CATEGORIES")));
    private static final List<FamilyTable.Link> MEASURE_LINKS = List.of(
            new FamilyTable.Link("COMPLETED", List.of("ON_TIME", "LATE")));

    @Test
    void threeAdultsInADistrictCannotBeDerivedFromAllAndMinors() {
        // Region = districts A, B, C; one period and its total. District A: all 7, minors 4, so adults 3.
        // Alone, each table hides A's minors (4) with B's (1); all = 7 stays shown, and 7 − [0, 5] would say at least 2 adults.
        Family f = Family.entries(new int[] {-1, 0, 0, 0}, 1);
        f.person(1, 0, true, false, 4);
        f.person(1, 0, false, false, 3);
        f.person(2, 0, true, false, 1);
        f.person(2, 0, false, false, 9);
        f.person(3, 0, false, false, 12);
        FamilyTable table = f.table();
        assertThat(table.table().value(table.cell("ADULTS", 1, 0))).isEqualTo(3);

        boolean[] separately = new boolean[table.table().size()];
        for (String code : List.of("ALL", "MINORS", "PROTECTIVE_ORDERS")) {
            long[][] grid = new long[4][2];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 2; c++) {
                    grid[r][c] = table.table().value(table.cell(code, r, c));
                }
            }
            boolean[] own = new SmallCellSuppression(THRESHOLD).apply(GridTable.of(grid, f.parentOf, 1)).hidden();
            for (int i = 0; i < own.length; i++) {
                separately[table.cell(code, i / 2, i % 2)] = own[i];
            }
        }
        double[] alone = f.bounds(table, separately, "ADULTS", 1, 0);
        assertThat(alone[0]).as("protected one table at a time, adults in A are at least 2").isGreaterThan(1);

        boolean[] hidden = f.suppress(table);
        double[] joint = f.bounds(table, hidden, "ADULTS", 1, 0);
        assertThat(joint[0]).as("adults in A could be nobody").isLessThan(1e-6);
        assertThat(joint[1]).as("adults in A could be many").isGreaterThanOrEqualTo(THRESHOLD);
        f.assertProtected(table, hidden, "the example");
    }

    @Test
    void noHiddenCellNorSmallDifferenceIsDerivableInManyRandomFamilies() {
        Random random = new Random(20261127L);
        int families = 0;
        int checked = 0;
        int smallDifferences = 0;
        for (int round = 0; round < 300; round++) {
            Family f = round % 3 == 2 ? Family.randomMeasures(random) : Family.randomEntries(random);
            FamilyTable table = f.table();
            boolean[] hidden = f.suppress(table);
            int[] counts = f.assertProtected(table, hidden, "family " + round);
            checked += counts[0];
            smallDifferences += counts[1];
            families++;
        }
        assertThat(families).isEqualTo(300);
        assertThat(checked).isGreaterThan(3000);
        assertThat(smallDifferences).as("the families had small unpublished differences to protect").isGreaterThan(200);
    }

    @Test
    void theTestsOwnSimplexFindsTheBoundsCommonsMathMisses() {
        double[][] a = {{1, 1, 1}};
        double[] b = {10};
        assertThat(Simplex.maximize(new double[] {0, 1, 0}, a, b)).isEqualTo(10.0);
        assertThat(Simplex.minimize(new double[] {0, 1, 0}, a, b)).isEqualTo(0.0);
        assertThat(Simplex.minimize(new double[] {0, -1, 0}, new double[][] {{1, -1, 0}}, new double[] {2}))
                .as("x1 = x0 − 2 has no upper bound").isEqualTo(Double.NEGATIVE_INFINITY);
        // x0 + x1 = 5, x1 + x2 = 3, x0 + x1 + x2 = 6 (redundant? no: gives x1 = 2): x0 is exactly 3.
        double[][] c = {{1, 1, 0}, {0, 1, 1}, {1, 1, 1}};
        assertThat(Simplex.minimize(new double[] {1, 0, 0}, c, new double[] {5, 3, 6})).isCloseTo(3.0, within(1e-9));
        assertThat(Simplex.maximize(new double[] {1, 0, 0}, c, new double[] {5, 3, 6})).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void cellsDecidedElsewhereStayAsTheyAreAndTheNewCellsAreProtectedWithThem() {
        // The family of a region (all, minors, protective orders) over one period, then a breakdown of
        // "all" by two columns whose row totals are the family's cells, fixed as the family published them.
        Random random = new Random(7L);
        for (int round = 0; round < 60; round++) {
            Family f = Family.randomEntries(random);
            FamilyTable table = f.table();
            boolean[] familyHidden = f.suppress(table);
            int base = table.table().size();
            // Columns: minors and adults (a breakdown by age group), so the test's own LP knows them.
            int rows = f.parentOf.length;
            long[] more = new long[rows * 2];
            List<LinkedTable.Relation> relations = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                more[r * 2] = table.table().value(table.cell("MINORS", r, f.periods));
                more[r * 2 + 1] = table.table().value(table.cell("ADULTS", r, f.periods));
                relations.add(new LinkedTable.Relation(table.cell("ALL", r, f.periods), new int[] {base + r * 2, base + r * 2 + 1}));
                // the columns are slices: the catalog would say so, and production then knows them.
                relations.add(new LinkedTable.Relation(table.cell("MINORS", r, f.periods), new int[] {base + r * 2}));
                relations.add(new LinkedTable.Relation(table.cell("ADULTS", r, f.periods), new int[] {base + r * 2 + 1}));
            }
            for (int c = 0; c < 2; c++) {
                for (int p = 0; p < rows; p++) {
                    List<Integer> kids = new ArrayList<>();
                    for (int r = 0; r < rows; r++) {
                        if (f.parentOf[r] == p) {
                            kids.add(base + r * 2 + c);
                        }
                    }
                    if (!kids.isEmpty()) {
                        relations.add(new LinkedTable.Relation(base + p * 2 + c, kids.stream().mapToInt(Integer::intValue).toArray()));
                    }
                }
            }
            LinkedTable joint = table.table().extend(more, relations);
            int n = joint.size();
            boolean[] unpublished = java.util.Arrays.copyOf(table.unpublished(), n);
            boolean[] fixed = new boolean[n];
            java.util.Arrays.fill(fixed, 0, base, true);
            boolean[] given = java.util.Arrays.copyOf(familyHidden, n);
            boolean[] hidden = new SmallCellSuppression(THRESHOLD).apply(joint,
                    new SmallCellSuppression.Given(unpublished, fixed, given)).hidden();
            for (int i = 0; i < base; i++) {
                assertThat(hidden[i]).as("family cell %d of round %d keeps its state", i, round).isEqualTo(familyHidden[i]);
            }
            // The breakdown's cells are the minors' and adults' totals over the periods again: every one
            // of them, shown or hidden, must agree with the family's protection of those cells.
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < 2; c++) {
                    long v = more[r * 2 + c];
                    if (v > 0 && v < THRESHOLD) {
                        assertThat(hidden[base + r * 2 + c]).as("small breakdown cell of round %d", round).isTrue();
                    }
                }
            }
            // What family and breakdown publish together still protects the family's small cells.
            boolean[] familyView = java.util.Arrays.copyOf(hidden, base);
            for (int r = 0; r < rows; r++) {
                // a shown breakdown cell publishes the minors'/adults' total of its row
                if (!hidden[base + r * 2]) {
                    familyView[table.cell("MINORS", r, f.periods)] = false;
                }
                if (!hidden[base + r * 2 + 1]) {
                    familyView[table.cell("ADULTS", r, f.periods)] = false;
                }
            }
            f.assertProtected(table, familyView, "family and breakdown " + round, false);
        }
    }

    /**
     * A random family: territories (a republic, regions, districts), periods and the persons counted
     * per leaf, period and kind; every member's cell is a sum of those counts.
     */
    private static final class Family {
        final int[] parentOf;
        final int periods;
        final int kinds;
        /** Published members then unpublished ones, each as the kinds it counts. */
        final List<String> published;
        final List<String> derived;
        final List<int[]> kindsOf = new ArrayList<>();
        final List<FamilyTable.Link> links;
        final long[][][] persons; // [row][period][kind], leaves only

        Family(int[] parentOf, int periods, int kinds, List<String> published, List<String> derived,
                List<FamilyTable.Link> links) {
            this.parentOf = parentOf;
            this.periods = periods;
            this.kinds = kinds;
            this.published = published;
            this.derived = derived;
            this.links = links;
            this.persons = new long[parentOf.length][periods][kinds];
        }

        /** kinds 0..3: minor under a protective order, minor otherwise, adult under one, adult otherwise. */
        static Family entries(int[] parentOf, int periods) {
            Family f = new Family(parentOf, periods, 4, List.of("ALL", "MINORS", "PROTECTIVE_ORDERS"),
                    List.of("ADULTS", "OTHER_CATEGORIES"), ENTRY_LINKS);
            f.kindsOf.addAll(List.of(new int[] {0, 1, 2, 3}, new int[] {0, 1}, new int[] {0, 2}, new int[] {2, 3},
                    new int[] {1, 3}));
            return f;
        }

        /** kinds 0..1: done on time, done late; completed = both, published nowhere. */
        static Family measures(int[] parentOf, int periods) {
            Family f = new Family(parentOf, periods, 2, List.of("ON_TIME", "LATE"), List.of("COMPLETED"), MEASURE_LINKS);
            f.kindsOf.addAll(List.of(new int[] {0}, new int[] {1}, new int[] {0, 1}));
            return f;
        }

        void person(int row, int period, boolean minor, boolean protectiveOrder, long n) {
            persons[row][period][(minor ? 0 : 2) + (protectiveOrder ? 0 : 1)] += n;
        }

        static Family randomEntries(Random rnd) {
            Family f = entries(randomTerritories(rnd), 1 + rnd.nextInt(2));
            f.fill(rnd);
            return f;
        }

        static Family randomMeasures(Random rnd) {
            Family f = measures(randomTerritories(rnd), 1 + rnd.nextInt(2));
            f.fill(rnd);
            return f;
        }

        static int[] randomTerritories(Random rnd) {
            List<Integer> parents = new ArrayList<>();
            parents.add(-1);
            int regions = 2 + rnd.nextInt(2);
            List<Integer> regionRows = new ArrayList<>();
            for (int i = 0; i < regions; i++) {
                regionRows.add(parents.size());
                parents.add(0);
            }
            for (int region : regionRows) {
                int districts = rnd.nextInt(3);
                for (int d = 0; d < districts; d++) {
                    parents.add(region);
                }
            }
            return parents.stream().mapToInt(Integer::intValue).toArray();
        }

        boolean leaf(int row) {
            for (int p : parentOf) {
                if (p == row) {
                    return false;
                }
            }
            return true;
        }

        void fill(Random rnd) {
            for (int r = 0; r < parentOf.length; r++) {
                if (!leaf(r)) {
                    continue;
                }
                for (int p = 0; p < periods; p++) {
                    for (int k = 0; k < kinds; k++) {
                        int kind = rnd.nextInt(10);
                        persons[r][p][k] = kind < 3 ? 0 : kind < 7 ? 1 + rnd.nextInt(4) : 5 + rnd.nextInt(15);
                    }
                }
            }
        }

        boolean under(int leaf, int row) {
            for (int r = leaf; r >= 0; r = parentOf[r]) {
                if (r == row) {
                    return true;
                }
            }
            return false;
        }

        /** A member's cell as a sum of the persons: coefficients over the variables [leaf][period][kind]. */
        double[] expression(String code, int row, int col) {
            int member = published.indexOf(code) >= 0 ? published.indexOf(code) : published.size() + derived.indexOf(code);
            double[] e = new double[parentOf.length * periods * kinds];
            for (int leaf = 0; leaf < parentOf.length; leaf++) {
                if (!leaf(leaf) || !under(leaf, row)) {
                    continue;
                }
                for (int p = 0; p < periods; p++) {
                    if (col < periods && col != p) {
                        continue;
                    }
                    for (int k : kindsOf.get(member)) {
                        e[(leaf * periods + p) * kinds + k] = 1;
                    }
                }
            }
            return e;
        }

        long value(String code, int row, int col) {
            double[] e = expression(code, row, col);
            long v = 0;
            for (int leaf = 0; leaf < parentOf.length; leaf++) {
                for (int p = 0; p < periods; p++) {
                    for (int k = 0; k < kinds; k++) {
                        v += (long) e[(leaf * periods + p) * kinds + k] * persons[leaf][p][k];
                    }
                }
            }
            return v;
        }

        FamilyTable table() {
            List<FamilyTable.Member> members = new ArrayList<>();
            for (String code : published) {
                long[][] values = new long[parentOf.length][periods];
                for (int r = 0; r < parentOf.length; r++) {
                    for (int p = 0; p < periods; p++) {
                        values[r][p] = value(code, r, p);
                    }
                }
                members.add(new FamilyTable.Member(code, values));
            }
            derived.forEach(d -> members.add(new FamilyTable.Member(d, null)));
            return FamilyTable.of(members, parentOf, periods, true, links);
        }

        boolean[] suppress(FamilyTable table) {
            return new SmallCellSuppression(THRESHOLD).apply(table.table(),
                    SmallCellSuppression.Given.unpublished(table.unpublished())).hidden();
        }

        int[] assertProtected(FamilyTable table, boolean[] hidden, String what) {
            return assertProtected(table, hidden, what, true);
        }

        /**
         * Every small published cell is hidden; every hidden published cell is not exact (when
         * {@code complements}); every small cell, published or a difference, could be 0 and could
         * reach the threshold. Returns the cells checked and the small differences among them.
         */
        int[] assertProtected(FamilyTable table, boolean[] hidden, String what, boolean complements) {
            int checked = 0;
            int smallDifferences = 0;
            List<String> all = new ArrayList<>(published);
            all.addAll(derived);
            for (String code : all) {
                boolean isPublished = published.contains(code);
                for (int r = 0; r < parentOf.length; r++) {
                    for (int c = 0; c < periods + 1; c++) {
                        long v = value(code, r, c);
                        boolean small = v > 0 && v < THRESHOLD;
                        int cell = table.cell(code, r, c);
                        if (isPublished && small) {
                            assertThat(hidden[cell]).as("%s: %s row %d col %d = %d is hidden", what, code, r, c, v).isTrue();
                        }
                        boolean shown = isPublished && !hidden[cell];
                        if (shown || !(small || isPublished && complements)) {
                            continue;
                        }
                        double[] b = bounds(table, hidden, code, r, c);
                        checked++;
                        if (isPublished) {
                            assertThat(b[1] - b[0]).as("%s: hidden %s row %d col %d is derivable", what, code, r, c)
                                    .isGreaterThan(0.5);
                        }
                        if (small) {
                            smallDifferences += isPublished ? 0 : 1;
                            assertThat(b[0]).as("%s: %s row %d col %d (%d) could be nobody", what, code, r, c, v)
                                    .isLessThan(1e-6);
                            assertThat(b[1]).as("%s: %s row %d col %d (%d) could be many", what, code, r, c, v)
                                    .isGreaterThanOrEqualTo(THRESHOLD);
                        }
                    }
                }
            }
            return new int[] {checked, smallDifferences};
        }

        /**
         * [min, max] of a member's cell over all counts of persons agreeing with every shown cell
         * (a difference is shown only when another answer, such as a breakdown, publishes it).
         */
        double[] bounds(FamilyTable table, boolean[] hidden, String code, int row, int col) {
            // Each distinct sum of persons once: with one period its total repeats it, and commons-math's
            // simplex can end phase 1 wrongly on repeated equalities (it reported [0, 0] for a cell in [0, 10]).
            java.util.Map<String, LinearConstraint> distinct = new java.util.LinkedHashMap<>();
            List<String> all = new ArrayList<>(published);
            all.addAll(derived);
            for (String p : all) {
                for (int r = 0; r < parentOf.length; r++) {
                    for (int c = 0; c < periods + 1; c++) {
                        if (!hidden[table.cell(p, r, c)]) {
                            double[] e = expression(p, r, c);
                            distinct.putIfAbsent(java.util.Arrays.toString(e),
                                    new LinearConstraint(e, Relationship.EQ, value(p, r, c)));
                        }
                    }
                }
            }
            List<LinearConstraint> cs = new ArrayList<>(distinct.values());
            double[] objective = expression(code, row, col);
            return new double[] {solve(objective, cs, GoalType.MINIMIZE), solve(objective, cs, GoalType.MAXIMIZE)};
        }

        private static double solve(double[] objective, List<LinearConstraint> cs, GoalType goal) {
            double[][] a = new double[cs.size()][];
            double[] b = new double[cs.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = cs.get(i).getCoefficients().toArray();
                b[i] = cs.get(i).getValue();
            }
            return goal == GoalType.MINIMIZE ? Simplex.minimize(objective, a, b) : Simplex.maximize(objective, a, b);
        }
    }
}
