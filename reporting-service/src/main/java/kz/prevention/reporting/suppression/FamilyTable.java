package kz.prevention.reporting.suppression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several tables of the same territories and periods whose indicators are linked — one is the sum
 * of others (all = minors + adults; completed = on time + late) — as ONE {@link LinkedTable}, so that
 * their cells are protected jointly: differencing two published tables is one more relation the
 * audit knows. Each member is a grid (rows: the scope and its children; columns: the periods and,
 * for flows, their total) in the order given; a member that is not published (a difference such
 * as adults) is computed from its link and enters the table as unpublished cells, which take part
 * in the links only: its own row and parent sums follow from the other members' and are left out.
 * Cell (member m, row r, column c) is {@code m * rows * columns + r * columns + c}.
 */
public final class FamilyTable {

    /** A member grid: values[row][period] without the total column; {@code null} for an unpublished one. */
    public record Member(String code, long[][] values) {
    }

    /** {@code total = Σ parts}, cell by cell; exactly one of them may be unpublished. */
    public record Link(String total, List<String> parts) {
    }

    private final List<String> codes;
    private final int rows;
    private final int columns;
    private final LinkedTable table;
    private final boolean[] unpublished;

    private FamilyTable(List<String> codes, int rows, int columns, LinkedTable table, boolean[] unpublished) {
        this.codes = codes;
        this.rows = rows;
        this.columns = columns;
        this.table = table;
        this.unpublished = unpublished;
    }

    /**
     * @param members  the published members with their values and the unpublished ones with {@code null}
     * @param parentOf each row's parent row or -1 (the scope's row, the sum of its children)
     * @param periods  the columns of each values row
     * @param withTotal whether a total over the periods is a column (flows) or not (stocks)
     */
    public static FamilyTable of(List<Member> members, int[] parentOf, int periods, boolean withTotal, List<Link> links) {
        int rows = parentOf.length;
        int cols = periods + (withTotal ? 1 : 0);
        Map<String, long[][]> values = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (Member m : members) {
            codes.add(m.code());
            if (m.values() != null) {
                values.put(m.code(), m.values());
            }
        }
        deriveUnpublished(codes, values, links, rows, periods);
        int block = rows * cols;
        long[] flat = new long[codes.size() * block];
        boolean[] unpublished = new boolean[flat.length];
        List<LinkedTable.Relation> relations = new ArrayList<>();
        for (int m = 0; m < codes.size(); m++) {
            long[][] grid = new long[rows][cols];
            long[][] v = values.get(codes.get(m));
            for (int r = 0; r < rows; r++) {
                for (int p = 0; p < periods; p++) {
                    grid[r][p] = v[r][p];
                    if (withTotal) {
                        grid[r][periods] += v[r][p];
                    }
                }
            }
            LinkedTable own = GridTable.of(grid, parentOf, withTotal ? periods : -1);
            boolean published = members.get(m).values() != null;
            for (int i = 0; i < block; i++) {
                flat[m * block + i] = own.value(i);
                unpublished[m * block + i] = !published;
            }
            if (published) {
                for (LinkedTable.Relation r : own.relations()) {
                    relations.add(shift(r, m * block));
                }
            }
        }
        for (Link link : links) {
            int total = codes.indexOf(link.total());
            int[] parts = link.parts().stream().mapToInt(codes::indexOf).toArray();
            for (int i = 0; i < block; i++) {
                int[] partCells = new int[parts.length];
                for (int k = 0; k < parts.length; k++) {
                    partCells[k] = parts[k] * block + i;
                }
                relations.add(new LinkedTable.Relation(total * block + i, partCells));
            }
        }
        return new FamilyTable(List.copyOf(codes), rows, cols, new LinkedTable(flat, relations), unpublished);
    }

    /** Each unpublished member from its link: the total as Σ parts, or a part as total − Σ other parts. */
    private static void deriveUnpublished(List<String> codes, Map<String, long[][]> values, List<Link> links, int rows,
            int periods) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Link link : links) {
                List<String> cells = new ArrayList<>(link.parts());
                cells.add(0, link.total());
                List<String> missing = cells.stream().filter(c -> !values.containsKey(c)).toList();
                if (missing.size() != 1) {
                    continue;
                }
                String target = missing.get(0);
                long[][] out = new long[rows][periods];
                for (int r = 0; r < rows; r++) {
                    for (int p = 0; p < periods; p++) {
                        long sum = 0;
                        for (String part : link.parts()) {
                            if (!part.equals(target)) {
                                sum += values.get(part)[r][p];
                            }
                        }
                        out[r][p] = target.equals(link.total()) ? sum : values.get(link.total())[r][p] - sum;
                    }
                }
                values.put(target, out);
                progress = true;
            }
        }
        for (String c : codes) {
            if (!values.containsKey(c)) {
                throw new IllegalArgumentException(c + " is neither given nor derivable from its links");
            }
        }
    }

    private static LinkedTable.Relation shift(LinkedTable.Relation r, int offset) {
        int[] members = r.members().clone();
        for (int i = 0; i < members.length; i++) {
            members[i] += offset;
        }
        return new LinkedTable.Relation(r.total() + offset, members);
    }

    public LinkedTable table() {
        return table;
    }

    public boolean[] unpublished() {
        return unpublished.clone();
    }

    public List<String> codes() {
        return codes;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** The cell of a member at a row and column (the total column is the last for flows). */
    public int cell(String code, int row, int column) {
        int m = codes.indexOf(code);
        if (m < 0) {
            throw new IllegalArgumentException(code + " is not in this family");
        }
        return m * rows * columns + row * columns + column;
    }

    /** Cells that count persons or acts published nowhere (differences), which the audit still protects. */
    public int unpublishedCells() {
        int n = 0;
        for (boolean u : unpublished) {
            n += u ? 1 : 0;
        }
        return n;
    }
}
