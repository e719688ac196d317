package dev.cellshell.shell.tissue;

import dev.cellshell.shell.workspace.CellSpec;
import dev.cellshell.shell.workspace.TissueSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cell arrange}: the top-level cells laid out without overlaps in rows from the top-left, in their z-order,
 * each keeping its size, a gap between them (the cells inside a container move with it). Rows wrap at the desktop's right edge; a cell wider than the desktop gets
 * a row of its own. Pure arithmetic on a {@link TissueSpec}.
 */
public final class Arrangement {

    static final float GAP = 16;

    private Arrangement() {
    }

    public static TissueSpec of(TissueSpec spec) {
        List<CellSpec> placed = new ArrayList<>(spec.cells().size());
        float x = GAP;
        float y = GAP;
        float rowHeight = 0;
        for (CellSpec cell : spec.cells()) {
            if (!cell.parent().isEmpty()) {
                placed.add(cell);
                continue;
            }
            if (x > GAP && x + cell.width() + GAP > spec.width()) {
                x = GAP;
                y += rowHeight + GAP;
                rowHeight = 0;
            }
            placed.add(cell.atTopLevel(x, y));
            x += cell.width() + GAP;
            rowHeight = Math.max(rowHeight, cell.height());
        }
        return spec.withCells(placed).laidOut();
    }
}
