package kz.prevention.reporting.suppression;

import java.util.ArrayList;
import java.util.List;

/**
 * A rows × columns table whose rows form a hierarchy (a parent territory is the sum of its
 * children, row by row of columns) and whose last column may be the rows' total: the shape of
 * every table of figures by territory and period or category. Cell (r, c) is index
 * {@code r * columns + c} of the {@link LinkedTable}.
 */
public final class GridTable {

    private GridTable() {
    }

    /**
     * @param values      values[row][column], parent rows holding the sums of their children
     * @param parentOf    each row's parent row, or -1
     * @param totalColumn the column holding each row's total, or -1 when there is none
     */
    public static LinkedTable of(long[][] values, int[] parentOf, int totalColumn) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        long[] flat = new long[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values[r], 0, flat, r * cols, cols);
        }
        List<LinkedTable.Relation> relations = new ArrayList<>();
        if (totalColumn >= 0) {
            for (int r = 0; r < rows; r++) {
                int[] members = new int[cols - 1];
                int k = 0;
                for (int c = 0; c < cols; c++) {
                    if (c != totalColumn) {
                        members[k++] = r * cols + c;
                    }
                }
                relations.add(new LinkedTable.Relation(r * cols + totalColumn, members));
            }
        }
        for (int p = 0; p < rows; p++) {
            List<Integer> children = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                if (parentOf[r] == p) {
                    children.add(r);
                }
            }
            if (children.isEmpty()) {
                continue;
            }
            for (int c = 0; c < cols; c++) {
                int[] members = new int[children.size()];
                for (int i = 0; i < members.length; i++) {
                    members[i] = children.get(i) * cols + c;
                }
                relations.add(new LinkedTable.Relation(p * cols + c, members));
            }
        }
        return new LinkedTable(flat, relations);
    }
}
