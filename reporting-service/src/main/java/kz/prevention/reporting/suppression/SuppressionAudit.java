package kz.prevention.reporting.suppression;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What an attacker can learn about a hidden cell: its minimum and maximum over all tables with
 * non-negative cells that agree with every published cell and every relation — two linear
 * programmes per cell, over the hidden cells linked to it (τ-ARGUS's audit). Tables of counts
 * with margins and a territorial hierarchy have totally unimodular relations, so these bounds are
 * also the integer bounds.
 */
public final class SuppressionAudit {

    private SuppressionAudit() {
    }

    public static Interval bounds(LinkedTable table, boolean[] hidden, int cell) {
        if (!hidden[cell]) {
            return new Interval(table.value(cell), table.value(cell));
        }
        List<Integer> component = component(table, hidden, cell);
        Map<Integer, Integer> var = new HashMap<>();
        for (int c : component) {
            var.put(c, var.size());
        }
        int n = var.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (LinkedTable.Relation r : table.relations()) {
            double[] coeffs = new double[n];
            double rhs = 0;
            boolean touches = false;
            Integer t = var.get(r.total());
            if (t != null) {
                coeffs[t] -= 1;
                touches = true;
            } else if (hidden[r.total()]) {
                continue; // a relation of another component
            } else {
                rhs += table.value(r.total());
            }
            boolean foreign = false;
            for (int m : r.members()) {
                Integer v = var.get(m);
                if (v != null) {
                    coeffs[v] += 1;
                    touches = true;
                } else if (hidden[m]) {
                    foreign = true;
                } else {
                    rhs -= table.value(m);
                }
            }
            if (touches && !foreign) {
                constraints.add(new LinearConstraint(coeffs, Relationship.EQ, rhs));
            }
        }
        double[] objective = new double[n];
        objective[var.get(cell)] = 1;
        double low = solve(objective, constraints, GoalType.MINIMIZE);
        double high = solve(objective, constraints, GoalType.MAXIMIZE);
        return new Interval(low, high);
    }

    private static double solve(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(true), PivotSelectionRule.BLAND);
            return Math.round(p.getValue() * 1e6) / 1e6;
        } catch (UnboundedSolutionException unbounded) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        } catch (NoFeasibleSolutionException impossible) {
            throw new IllegalStateException("the published table contradicts itself", impossible);
        }
    }

    /**
     * The hidden cells linked to {@code cell} through relations (a relation links all its hidden
     * cells); cells outside it do not constrain it, since every relation joining them is in it.
     */
    static List<Integer> component(LinkedTable table, boolean[] hidden, int cell) {
        List<List<LinkedTable.Relation>> byCell = table.relationsByCell();
        boolean[] seen = new boolean[table.size()];
        List<Integer> out = new ArrayList<>();
        Deque<Integer> todo = new ArrayDeque<>();
        todo.add(cell);
        seen[cell] = true;
        while (!todo.isEmpty()) {
            int c = todo.poll();
            out.add(c);
            for (LinkedTable.Relation r : byCell.get(c)) {
                for (int o : LinkedTable.cellsOf(r)) {
                    if (hidden[o] && !seen[o]) {
                        seen[o] = true;
                        todo.add(o);
                    }
                }
            }
        }
        return out;
    }
}
