package dev.cellshell.shell.workbench;

import dev.cellshell.shell.tissue.Change;
import dev.cellshell.shell.tissue.CellView;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Anchor;
import dev.cellshell.shell.workspace.CellSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import dev.cellshell.shell.tissue.DeclaredProp;
import dev.cellshell.widgets.Prop;

/**
 * The props inspector: one typed control per prop of the selected cell — its {@code @Variant}s as a choice, a colour
 * as a picker, a number as a slider with its value, anything else as text — and its place on the desktop as an anchor
 * choice. A change goes through the tissue like any other (applied live, audited as the workbench's).
 */
final class PropsInspector extends ScrollPane {

    private final Tissue tissue;
    private final Consumer<String> say;
    private final GridPane grid = new GridPane();
    private String showing = "";

    PropsInspector(Tissue tissue, Consumer<String> say) {
        this.tissue = tissue;
        this.say = say;
        setId("props");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().setAll(names, controls);
        setContent(grid);
        setFitToWidth(true);
        show(null);
    }

    /** Shows {@code cell}'s props (none when null); asks the tissue for the variants its type declares. */
    void show(CellView cell) {
        if (cell == null) {
            showing = "";
            grid.getChildren().clear();
            grid.add(new Label("Select a cell to see its props."), 0, 0, 2, 1);
            return;
        }
        showing = cell.id();
        tissue.declaredProps().thenAccept(all -> Platform.runLater(() -> {
            if (showing.equals(cell.id())) {
                fill(cell, all.getOrDefault(cell.type(), Map.of()));
            }
        }));
    }

    private void fill(CellView cell, Map<String, DeclaredProp> declared) {
        grid.getChildren().clear();
        int row = 0;
        Label title = new Label(cell.id() + " · " + cell.type());
        title.getStyleClass().add("title-4");
        grid.add(title, 0, row++, 2, 1);
        // The declared props first, in the order the type declares them (unset ones show what the cell uses), then
        // any others set on the cell.
        Map<String, String> values = new java.util.LinkedHashMap<>();
        declared.forEach((name, prop) -> values.put(name, cell.props().getOrDefault(name, prop.fallback())));
        new TreeMap<>(cell.props()).forEach(values::putIfAbsent);
        for (var e : values.entrySet()) {
            DeclaredProp prop = declared.get(e.getKey());
            Node control = control(cell.id(), e.getKey(), e.getValue(), prop);
            if (control.lookup("#prop-" + e.getKey()) == null) {
                control.setId("prop-" + e.getKey());
            }
            Label name = new Label(e.getKey());
            if (prop != null && !prop.doc().isEmpty()) {
                name.setTooltip(new javafx.scene.control.Tooltip(prop.doc()));
            }
            grid.add(name, 0, row);
            grid.add(control, 1, row++);
        }
        ChoiceBox<String> where = new ChoiceBox<>(FXCollections.observableArrayList(
                Arrays.stream(Anchor.values()).map(Anchor::id).toList()));
        where.setId("prop-at");
        CellSpec placed = tissue.spec().cell(cell.id());
        if (placed != null && placed.parent().isEmpty() && placed.anchor() != null) {
            where.setValue(placed.anchor().id());
        }
        where.setOnAction(a -> report("Moved " + cell.id() + " to ", "Not moved: ",
                tissue.move(cell.id(), Anchor.of(where.getValue()), 24, "workbench")));
        grid.add(new Label("place"), 0, row);
        grid.add(where, 1, row);
    }

    private Node control(String cellId, String key, String value, DeclaredProp prop) {
        if (prop != null && !prop.choices().isEmpty()) {
            ChoiceBox<String> choice = new ChoiceBox<>(FXCollections.observableArrayList(prop.choices()));
            choice.setValue(value);
            choice.setOnAction(a -> set(cellId, key, choice.getValue()));
            return choice;
        }
        boolean colour = prop != null ? prop.kind() == Prop.Kind.COLOR : value.matches("#[0-9A-Fa-f]{6}");
        if (colour) {
            ColorPicker picker = new ColorPicker(parsed(value));
            picker.setOnAction(a -> {
                Color c = picker.getValue();
                set(cellId, key, String.format("#%02X%02X%02X", Math.round(c.getRed() * 255),
                        Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255)));
            });
            return picker;
        }
        if (prop != null && prop.kind() == Prop.Kind.FLAG) {
            javafx.scene.control.CheckBox check = new javafx.scene.control.CheckBox();
            check.setSelected(List.of("true", "yes", "on").contains(value.trim().toLowerCase(java.util.Locale.ROOT)));
            check.setOnAction(a -> set(cellId, key, Boolean.toString(check.isSelected())));
            return check;
        }
        boolean number = prop != null ? prop.kind() == Prop.Kind.NUMBER : value.matches("-?\\d+");
        if (number && value.trim().matches("-?\\d+(\\.\\d+)?")) {
            double current = Double.parseDouble(value.trim());
            // A declared range is the slider's; an undeclared number gets room around its value.
            double low = prop != null && prop.min() > -Double.MAX_VALUE ? prop.min() : Math.min(0, current);
            double high = prop != null && prop.max() < Double.MAX_VALUE ? prop.max() : Math.max(100, current * 2);
            Slider slider = new Slider(low, high, current);
            Label shown = new Label(value.trim());
            slider.valueProperty().addListener((o, was, now) -> {
                shown.setText(Long.toString(Math.round(now.doubleValue())));
                if (!slider.isValueChanging()) { // a click on the track or an arrow key; a drag applies at its end
                    set(cellId, key, Long.toString(Math.round(now.doubleValue())));
                }
            });
            slider.valueChangingProperty().addListener((o, was, now) -> {
                if (!now) {
                    set(cellId, key, Long.toString(Math.round(slider.getValue())));
                }
            });
            HBox box = new HBox(6, slider, shown);
            HBox.setHgrow(slider, Priority.ALWAYS);
            slider.setId("prop-" + key); // the control one moves carries the id, not its box
            return box;
        }
        TextField field = new TextField(value);
        field.setOnAction(a -> set(cellId, key, field.getText()));
        return field;
    }

    /** The picker's colour for a prop's text: black when unset or not a colour yet. */
    private static Color parsed(String value) {
        try {
            int argb = dev.cellshell.widgets.Color.parse(value.trim());
            return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, (argb >>> 24) / 255.0);
        } catch (IllegalArgumentException e) {
            return Color.BLACK;
        }
    }

    private void set(String cellId, String key, String value) {
        report("Set " + cellId + " ", "Not set: ", tissue.set(cellId, Map.of(key, value), "workbench"));
    }

    private void report(String done, String refused, CompletableFuture<Change> change) {
        change.whenComplete((c, error) -> Platform.runLater(() -> say.accept(error != null ? refused
                + error.getMessage() : c.done() ? done + c.message() : refused + c.message())));
    }
}
