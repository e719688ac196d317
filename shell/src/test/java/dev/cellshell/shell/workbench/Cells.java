package dev.cellshell.shell.workbench;

import dev.cellshell.shell.tissue.CellView;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import org.testfx.api.FxRobot;

/** Test helpers for the workbench's tissue tree. */
final class Cells {

    private Cells() {
    }

    /** Clicks the row of cell {@code id} in the tissue tree, as a person would. */
    static void click(FxRobot robot, Node view, String id) {
        Node row = robot.from(view).lookup("#cells .tree-cell").match((TreeCell<CellView> c) -> c.getItem() != null
                && c.getItem().id().equals(id) && c.isVisible()).query();
        robot.clickOn(row);
    }
}
