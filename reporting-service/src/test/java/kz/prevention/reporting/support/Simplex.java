package kz.prevention.reporting.support;

/**
 * The tests' own simplex (two phases, Bland's rule) for the attacker's linear programmes:
 * commons-math 3.6.1's SimplexSolver returns 0 for "maximise x1 subject to x0 + x1 + x2 = 10,
 * x ≥ 0" (it stops at the first feasible vertex when the basic variable after phase 1 has no
 * cost), which would fail a test falsely. Its errors only ever narrow an interval (it returns a
 * feasible point), so in production they hide more, never less.
 */
public final class Simplex {

    private static final double EPS = 1e-9;

    private Simplex() {
    }

    /** max c·x subject to A x = b, x ≥ 0; positive infinity when unbounded. */
    public static double maximize(double[] c, double[][] a, double[] b) {
        double[] negated = c.clone();
        for (int j = 0; j < negated.length; j++) {
            negated[j] = -negated[j];
        }
        return -minimize(negated, a, b);
    }

    /** min c·x subject to A x = b, x ≥ 0; negative infinity when unbounded. */
    public static double minimize(double[] c, double[][] a, double[] b) {
        int m = a.length;
        int n = c.length;
        int w = n + m;
        double[][] t = new double[m + 1][w + 1];
        int[] basis = new int[m];
        for (int i = 0; i < m; i++) {
            double sign = b[i] < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                t[i][j] = sign * a[i][j];
            }
            t[i][n + i] = 1;
            t[i][w] = sign * b[i];
            basis[i] = n + i;
        }
        // phase 1: minimise the artificials' sum; reduced costs of the original columns are −Σ rows
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                t[m][j] -= t[i][j];
            }
            t[m][w] -= t[i][w];
        }
        run(t, basis, w, m);
        if (t[m][w] < -1e-7) {
            throw new IllegalStateException("the published cells contradict each other");
        }
        for (int i = 0; i < m; i++) {
            if (basis[i] >= n) {
                for (int j = 0; j < n; j++) {
                    if (Math.abs(t[i][j]) > EPS) {
                        pivot(t, basis, i, j);
                        break;
                    }
                }
            }
        }
        // phase 2: reduced costs of c over the basis found
        java.util.Arrays.fill(t[m], 0);
        System.arraycopy(c, 0, t[m], 0, n);
        for (int i = 0; i < m; i++) {
            if (basis[i] < n) {
                double cost = c[basis[i]];
                for (int j = 0; j <= w; j++) {
                    t[m][j] -= cost * t[i][j];
                }
            }
        }
        if (!run(t, basis, n, m)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -t[m][w];
    }

    /** Pivots until no column below {@code columns} improves; false when unbounded. */
    private static boolean run(double[][] t, int[] basis, int columns, int m) {
        int w = t[0].length - 1;
        while (true) {
            int enter = -1;
            for (int j = 0; j < columns; j++) {
                if (t[m][j] < -EPS) {
                    enter = j;
                    break;
                }
            }
            if (enter < 0) {
                return true;
            }
            int leave = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                if (t[i][enter] > EPS) {
                    double ratio = t[i][w] / t[i][enter];
                    if (ratio < best - EPS || Math.abs(ratio - best) <= EPS && basis[i] < basis[leave]) {
                        best = ratio;
                        leave = i;
                    }
                }
            }
            if (leave < 0) {
                return false;
            }
            pivot(t, basis, leave, enter);
        }
    }

    private static void pivot(double[][] t, int[] basis, int row, int col) {
        double p = t[row][col];
        for (int j = 0; j < t[row].length; j++) {
            t[row][j] /= p;
        }
        for (int i = 0; i < t.length; i++) {
            if (i != row && Math.abs(t[i][col]) > 0) {
                double f = t[i][col];
                for (int j = 0; j < t[i].length; j++) {
                    t[i][j] -= f * t[row][j];
                }
            }
        }
        basis[row] = col;
    }
}
