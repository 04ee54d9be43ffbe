package kz.prevention.reporting.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression, pure and fast. The property test builds many random territorial
 * tables (a republic, regions, districts × categories with a total column) and, for every hidden
 * cell, solves its own linear programmes — written from the grid's meaning (row totals, parent
 * rows), not from the production relations — for the least and greatest value the published
 * figures allow.
 */
class SmallCellSuppressionTest {

    private static final int THRESHOLD = 5;

    @Test
    void aSmallCellAloneInItsRowAndColumnTakesComplementsWithIt() {
        // republic = region A + region B; columns: two categories and the total.
        long[][] v = {
                {23, 17, 40},
                {3, 9, 12},
                {20, 8, 28}};
        LinkedTable t = GridTable.of(v, new int[] {-1, 0, 0}, 2);
        SmallCellSuppression.Result r = new SmallCellSuppression(THRESHOLD).apply(t);

        assertThat(r.hidden(3)).as("the 3").isTrue();
        assertThat(r.primary()[3]).isTrue();
        // its row and column each need another hidden cell, and the 2x2 square closes.
        assertThat(r.hidden(4)).isTrue();
        assertThat(r.hidden(6)).isTrue();
        assertThat(r.hidden(7)).isTrue();
        assertThat(SuppressionAudit.bounds(t, r.hidden(), 3).protects(THRESHOLD)).isTrue();
    }

    @Test
    void zerosMayBeShownAndTablesWithoutSmallCellsAreUntouched() {
        long[][] v = {{0, 12, 12}, {0, 12, 12}};
        SmallCellSuppression.Result r = new SmallCellSuppression(THRESHOLD).apply(GridTable.of(v, new int[] {-1, 0}, 2));
        assertThat(r.hiddenCount()).isZero();
    }

    @Test
    void aSmallCellWhoseSiblingsAreZeroTakesItsParentWithIt() {
        // region = its only non-empty district (2) + an empty one: the region's figure would give the 2 away.
        long[][] v = {{2, 40, 42}, {2, 20, 22}, {0, 20, 20}};
        SmallCellSuppression.Result r = new SmallCellSuppression(THRESHOLD).apply(GridTable.of(v, new int[] {-1, 0, 0}, 2));
        assertThat(r.hidden(3)).isTrue();
        assertThat(r.hidden(0)).as("the region's own count of that category").isTrue();
    }

    @Test
    void noHiddenCellIsDerivableInManyRandomTerritorialTables() {
        Random random = new Random(20261126L);
        int tables = 0;
        int hiddenChecked = 0;
        for (int round = 0; round < 400; round++) {
            Grid g = Grid.random(random);
            LinkedTable t = GridTable.of(g.values, g.parentOf, g.cols - 1);
            SmallCellSuppression.Result r = new SmallCellSuppression(THRESHOLD).apply(t);
            tables++;
            for (int row = 0; row < g.rows; row++) {
                for (int col = 0; col < g.cols; col++) {
                    int cell = row * g.cols + col;
                    long value = g.values[row][col];
                    if (value > 0 && value < THRESHOLD) {
                        assertThat(r.hidden(cell)).as("primary cell %d in table %d", cell, round).isTrue();
                    }
                    if (!r.hidden(cell)) {
                        continue;
                    }
                    double[] b = g.bounds(r.hidden(), cell);
                    hiddenChecked++;
                    assertThat(b[1] - b[0]).as("hidden cell %d of table %d is derivable", cell, round).isGreaterThan(0.5);
                    if (value > 0 && value < THRESHOLD) {
                        assertThat(b[0]).as("cell %d (%d) of table %d could be nobody", cell, value, round).isLessThan(1e-6);
                        assertThat(b[1]).as("cell %d (%d) of table %d could be many", cell, value, round)
                                .isGreaterThanOrEqualTo(THRESHOLD);
                    }
                }
            }
        }
        assertThat(tables).isEqualTo(400);
        assertThat(hiddenChecked).isGreaterThan(1000);
    }

    /** A random republic → regions → districts table, categories plus a total column. */
    private static final class Grid {
        int rows;
        int cols;
        long[][] values;
        int[] parentOf;

        static Grid random(Random rnd) {
            Grid g = new Grid();
            int categories = 2 + rnd.nextInt(3);
            g.cols = categories + 1;
            List<Integer> parents = new ArrayList<>();
            parents.add(-1);
            int regions = 2 + rnd.nextInt(3);
            List<Integer> regionRows = new ArrayList<>();
            for (int i = 0; i < regions; i++) {
                regionRows.add(parents.size());
                parents.add(0);
            }
            List<Integer> leaves = new ArrayList<>();
            for (int region : regionRows) {
                int districts = rnd.nextInt(4); // a region without districts is a leaf itself
                if (districts == 0) {
                    leaves.add(region);
                }
                for (int d = 0; d < districts; d++) {
                    leaves.add(parents.size());
                    parents.add(region);
                }
            }
            g.rows = parents.size();
            g.parentOf = parents.stream().mapToInt(Integer::intValue).toArray();
            g.values = new long[g.rows][g.cols];
            for (int leaf : leaves) {
                for (int c = 0; c < categories; c++) {
                    int kind = rnd.nextInt(10);
                    g.values[leaf][c] = kind < 2 ? 0 : kind < 5 ? 1 + rnd.nextInt(4) : 5 + rnd.nextInt(30);
                }
            }
            // Parents are filled bottom-up: rows are created after their parents.
            for (int r = g.rows - 1; r >= 0; r--) {
                if (g.parentOf[r] >= 0) {
                    for (int c = 0; c < categories; c++) {
                        g.values[g.parentOf[r]][c] += g.values[r][c];
                    }
                }
            }
            for (int r = 0; r < g.rows; r++) {
                for (int c = 0; c < categories; c++) {
                    g.values[r][categories] += g.values[r][c];
                }
            }
            return g;
        }

        /** [min, max] of the cell over all non-negative grids agreeing with the published cells. */
        double[] bounds(boolean[] hidden, int cell) {
            int n = rows * cols;
            List<LinearConstraint> cs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!hidden[i]) {
                    cs.add(new LinearConstraint(unit(n, i, 1), Relationship.EQ, values[i / cols][i % cols]));
                }
            }
            for (int r = 0; r < rows; r++) {
                double[] row = unit(n, r * cols + cols - 1, -1);
                for (int c = 0; c < cols - 1; c++) {
                    row[r * cols + c] = 1;
                }
                cs.add(new LinearConstraint(row, Relationship.EQ, 0));
            }
            for (int p = 0; p < rows; p++) {
                for (int c = 0; c < cols; c++) {
                    double[] sum = unit(n, p * cols + c, -1);
                    boolean any = false;
                    for (int r = 0; r < rows; r++) {
                        if (parentOf[r] == p) {
                            sum[r * cols + c] = 1;
                            any = true;
                        }
                    }
                    if (any) {
                        cs.add(new LinearConstraint(sum, Relationship.EQ, 0));
                    }
                }
            }
            return new double[] {solve(unit(n, cell, 1), cs, GoalType.MINIMIZE), solve(unit(n, cell, 1), cs, GoalType.MAXIMIZE)};
        }

        private static double solve(double[] objective, List<LinearConstraint> cs, GoalType goal) {
            try {
                return new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
                        new LinearConstraintSet(cs), goal, new NonNegativeConstraint(true), PivotSelectionRule.BLAND)
                        .getValue();
            } catch (UnboundedSolutionException e) {
                return Double.POSITIVE_INFINITY;
            }
        }

        private static double[] unit(int n, int i, double v) {
            double[] a = new double[n];
            a[i] = v;
            return a;
        }
    }
}
