package dev.cellshell.shell.workspace;

import dev.cellshell.widgets.Color;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The tissue definition ({@code tissue.properties}): desktop size, background and the cells in z-order. Parsing names
 * the key that is wrong, so a hand-edited file gets a clear error.
 */
public record TissueSpec(int width, int height, int background, List<CellSpec> cells) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9_]*");

    public TissueSpec {
        cells = List.copyOf(cells);
    }

    /** @throws IllegalArgumentException naming the file's problem */
    public static TissueSpec parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tissue.properties is not a properties file: " + e.getMessage(), e);
        }
        float[] size = numbers(p, "desktop.size", "x", 2);
        int background = Color.parse(required(p, "desktop.background"));
        List<CellSpec> cells = new ArrayList<>();
        for (String id : required(p, "cells").split(",")) {
            id = id.trim();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("tissue.properties: cell id '" + id
                        + "' must be lower-case letters, digits and dashes");
            }
            String type = required(p, id + ".type");
            if (!TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("tissue.properties: " + id + ".type '" + type
                        + "' is not a Java class name");
            }
            float[] bounds = numbers(p, id + ".bounds", ",", 4);
            Map<String, String> props = new HashMap<>();
            String prefix = id + ".prop.";
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(prefix)) {
                    props.put(key.substring(prefix.length()), p.getProperty(key));
                }
            }
            cells.add(new CellSpec(id, type, bounds[0], bounds[1], bounds[2], bounds[3], props));
        }
        return new TissueSpec((int) size[0], (int) size[1], background, cells);
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("tissue.properties: missing '" + key + "'");
        }
        return value.trim();
    }

    private static float[] numbers(Properties p, String key, String separator, int count) {
        String[] parts = required(p, key).split(Pattern.quote(separator));
        if (parts.length != count) {
            throw new IllegalArgumentException("tissue.properties: '" + key + "' wants " + count + " numbers separated by '"
                    + separator + "'");
        }
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            try {
                values[i] = Float.parseFloat(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tissue.properties: '" + key + "' has '" + parts[i]
                        + "', not a number", e);
            }
        }
        return values;
    }
}
