package dev.cellshell.shell.workbench;

import dev.cellshell.shell.tissue.CellView;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Test helpers for the workbench's tissue tree. */
final class Cells {

    private Cells() {
    }

    /**
     * Clicks the row of cell {@code id} in the tissue tree, as a person would: a row on screen, not one of the
     * recycled or measuring cells the tree keeps invisible, which may hold the same item.
     */
    static void click(FxRobot robot, Node view, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.from(view).lookup("#cells .tree-cell").match((TreeCell<CellView> c) -> c.getItem() != null
                && c.getItem().id().equals(id) && shown(c)).query();
        robot.clickOn(row);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
