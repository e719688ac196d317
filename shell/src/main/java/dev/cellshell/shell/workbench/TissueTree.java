package dev.cellshell.shell.workbench;

import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.workspace.CellSpec;
import dev.cellshell.shell.workspace.TissueSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;

/**
 * The tissue as a tree: top-level cells, and inside each container the cells it lays out, each with its type,
 * generation and health (a coloured dot: healthy, faulty — it failed and was rolled back —, slow or quarantined).
 * Refreshing keeps the selection and which containers are open.
 */
final class TissueTree extends TreeView<CellView> {

    private final TreeItem<CellView> root = new TreeItem<>();
    private Consumer<CellView> onSelected = cell -> { };
    private boolean refreshing;
    /** The services a cell declares, each with why it does not work now (empty when it does). */
    private java.util.function.Function<String, java.util.Map<String, String>> services = id -> java.util.Map.of();

    TissueTree() {
        setId("cells");
        setRoot(root);
        setShowRoot(false);
        setCellFactory(tree -> new TreeCell<>() {
            @Override
            protected void updateItem(CellView cell, boolean empty) {
                super.updateItem(cell, empty);
                if (empty || cell == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label dot = new Label("●");
                dot.getStyleClass().addAll("health", "health-" + health(cell));
                Label name = new Label(cell.id());
                name.getStyleClass().add("cell-id");
                java.util.Map<String, String> uses = services.apply(cell.id());
                java.util.List<String> missing = uses.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                        .map(java.util.Map.Entry::getKey).toList();
                Label detail = new Label(cell.type() + " · gen " + cell.generation()
                        + ("solo".equals(cell.isolation()) ? " · solo host" : "")
                        + (health(cell).equals("ok") ? "" : " · " + cell.health()
                                + (cell.lastError().isEmpty() ? "" : ": " + firstLine(cell.lastError())))
                        + (missing.isEmpty() ? "" : " · no " + String.join(", ", missing)));
                detail.getStyleClass().add("cell-detail");
                if (!uses.isEmpty()) {
                    detail.setTooltip(new javafx.scene.control.Tooltip("Services: " + String.join("\n", uses
                            .entrySet().stream().map(e -> e.getKey() + (e.getValue().isEmpty() ? ": ok"
                                    : ": unavailable — " + e.getValue())).toList())));
                }
                setText(null);
                setGraphic(new HBox(6, dot, name, detail));
                setAccessibleText(cell.id() + ", " + cell.type() + " generation " + cell.generation() + ", "
                        + health(cell));
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, before, item) -> {
            if (!refreshing) {
                onSelected.accept(item == null ? null : item.getValue());
            }
        });
    }

    /** {@code ok}, {@code faulty} (failed, rolled back), {@code slow} or {@code quarantined}. */
    static String health(CellView cell) {
        if (cell.health().equals("quarantined")) {
            return "quarantined";
        }
        if (!cell.health().equals("ok")) {
            return "slow";
        }
        return cell.lastError().isEmpty() ? "ok" : "faulty";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }

    /** Where the tree reads the services each cell declares and whether they work. */
    void useServices(java.util.function.Function<String, java.util.Map<String, String>> source) {
        services = source;
    }

    void onSelected(Consumer<CellView> listener) {
        onSelected = listener;
    }

    /** The selected cell as of the last refresh. */
    Optional<CellView> selected() {
        TreeItem<CellView> item = getSelectionModel().getSelectedItem();
        return item == null ? Optional.empty() : Optional.of(item.getValue());
    }

    /** Every cell shown, depth first. */
    List<CellView> cells() {
        List<CellView> all = new java.util.ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(TreeItem<CellView> item, List<CellView> into) {
        for (TreeItem<CellView> child : item.getChildren()) {
            into.add(child.getValue());
            collect(child, into);
        }
    }

    /** Selects {@code cellId} (opening the containers above it); false when there is no such cell. */
    boolean select(String cellId) {
        TreeItem<CellView> item = find(root, cellId);
        if (item == null) {
            return false;
        }
        for (TreeItem<CellView> up = item.getParent(); up != null; up = up.getParent()) {
            up.setExpanded(true);
        }
        getSelectionModel().select(item);
        scrollTo(getRow(item));
        return true;
    }

    /** Rebuilds the tree from the running cells and the tissue definition (which says what is inside what). */
    void refresh(List<CellView> running, TissueSpec spec) {
        String selected = selected().map(CellView::id).orElse(null);
        Map<String, Boolean> expanded = new HashMap<>();
        remember(root, expanded);
        Map<String, TreeItem<CellView>> items = new HashMap<>();
        for (CellView cell : running) {
            TreeItem<CellView> item = new TreeItem<>(cell);
            item.setExpanded(expanded.getOrDefault(cell.id(), true));
            items.put(cell.id(), item);
        }
        refreshing = true;
        try {
            root.getChildren().clear();
            for (CellView cell : running) {
                CellSpec placed = spec.cell(cell.id());
                TreeItem<CellView> parent = placed == null || placed.parent().isEmpty() ? null
                        : items.get(placed.parent());
                (parent == null ? root : parent).getChildren().add(items.get(cell.id()));
            }
            TreeItem<CellView> again = selected == null ? null : items.get(selected);
            if (again != null) {
                getSelectionModel().select(again);
            } else {
                getSelectionModel().clearSelection();
            }
        } finally {
            refreshing = false;
        }
        if (selected != null && items.get(selected) == null) {
            onSelected.accept(null);
        }
    }

    private static void remember(TreeItem<CellView> item, Map<String, Boolean> expanded) {
        for (TreeItem<CellView> child : item.getChildren()) {
            expanded.put(child.getValue().id(), child.isExpanded());
            remember(child, expanded);
        }
    }

    private static TreeItem<CellView> find(TreeItem<CellView> item, String id) {
        for (TreeItem<CellView> child : item.getChildren()) {
            if (child.getValue().id().equals(id)) {
                return child;
            }
            TreeItem<CellView> inside = find(child, id);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }
}
