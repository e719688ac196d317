package dev.cellshell.shell.workbench;

import dev.cellshell.shell.tissue.Change;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Anchor;
import dev.cellshell.shell.workspace.Catalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The catalog: every cell type of the workspace (built-in ones too) with its one-line summary; "Spawn" puts one on
 * the desktop at the chosen place; "New" writes a new type from the template and spawns it, ready to edit.
 */
final class CatalogPane extends VBox {

    private final Path workspace;
    private final Tissue tissue;
    private final Consumer<String> say;
    private final ListView<Catalog.Entry> types = new ListView<>();
    private final ChoiceBox<String> at = new ChoiceBox<>(FXCollections.observableArrayList(
            Arrays.stream(Anchor.values()).map(Anchor::id).toList()));
    private final TextField newName = new TextField();

    /** @param spawned told the new cell's id on the JavaFX thread (the workbench selects and opens it) */
    CatalogPane(Path workspace, Tissue tissue, Consumer<String> say, Consumer<String> spawned) {
        super(4);
        this.workspace = workspace;
        this.tissue = tissue;
        this.say = say;
        setId("catalog");
        types.setId("catalog-types");
        at.setId("catalog-at");
        newName.setId("new-type");
        at.setValue(Anchor.CENTER.id());
        types.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Catalog.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.type() + (entry.builtIn() ? "" : "  (workspace)"));
                setTooltip(empty || entry == null ? null : new Tooltip((entry.summary().isEmpty() ? ""
                        : entry.summary() + "\n") + "Spawns at " + entry.size().preferred()));
            }
        });
        Button spawn = new Button("Spawn");
        spawn.setId("spawn");
        spawn.setOnAction(e -> {
            Catalog.Entry entry = types.getSelectionModel().getSelectedItem();
            if (entry == null) {
                say.accept("Pick a type in the catalog to spawn.");
                return;
            }
            spawn(entry.type(), spawned);
        });
        types.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                spawn.fire();
            }
        });
        newName.setPromptText("NewType");
        Button create = new Button("New");
        create.setId("create-type");
        create.setTooltip(new Tooltip("Write cells/NAME/NAME.java from the template and spawn it"));
        newName.setOnAction(e -> create.fire());
        create.setOnAction(e -> {
            String name = newName.getText().trim();
            try {
                Path file = Catalog.newType(workspace, name);
                say.accept("Created " + workspace.relativize(file) + ".");
                newName.clear();
                refresh();
                spawn(name, spawned);
            } catch (IllegalArgumentException | IOException ex) {
                say.accept("Not created: " + ex.getMessage());
            }
        });
        spawn.setMinWidth(Region.USE_PREF_SIZE);
        create.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label("Catalog");
        title.getStyleClass().add("title-4");
        HBox spawnRow = new HBox(6, at, spawn);
        HBox newRow = new HBox(6, newName, create);
        HBox.setHgrow(newName, Priority.ALWAYS);
        VBox.setVgrow(types, Priority.ALWAYS);
        setPadding(new Insets(4));
        getChildren().addAll(title, types, spawnRow, newRow);
        refresh();
    }

    void refresh() {
        try {
            types.getItems().setAll(Catalog.of(workspace));
        } catch (IOException e) {
            say.accept("The catalog cannot read " + workspace.resolve("cells") + ": " + e.getMessage());
        }
    }

    private void spawn(String type, Consumer<String> spawned) {
        tissue.spawn(type, "", Anchor.of(at.getValue()), 24, null, Map.of(), "workbench").whenComplete(
                (Change change, Throwable error) -> Platform.runLater(() -> {
                    if (error != null || !change.done()) {
                        say.accept("Not spawned: " + (error != null ? error.getMessage() : change.message()));
                    } else {
                        say.accept("Spawned " + change.cellId() + " (" + type + ") " + change.message() + ".");
                        spawned.accept(change.cellId());
                    }
                }));
    }
}
