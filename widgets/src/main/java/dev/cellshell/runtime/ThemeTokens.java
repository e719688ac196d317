package dev.cellshell.runtime;

import dev.cellshell.widgets.Color;
import dev.cellshell.widgets.Theme;
import dev.cellshell.widgets.Token;
import java.util.EnumMap;
import java.util.Map;

/**
 * A {@link Theme} from a theme file's tokens: every {@link Token} has a value (the file's, else the token's
 * fallback), so cells need no fallbacks of their own; tokens by name beyond {@link Token} are kept too.
 */
public final class ThemeTokens implements Theme {

    private static final ThemeTokens NONE = of("none", Map.of());

    private final String name;
    private final PropValues byName;
    private final Map<Token, Float> numbers = new EnumMap<>(Token.class);
    private final Map<Token, Integer> colors = new EnumMap<>(Token.class);

    private ThemeTokens(String name, Map<String, String> tokens) {
        this.name = name;
        this.byName = PropValues.of(tokens);
        for (Token token : Token.values()) {
            if (token.isColor()) {
                colors.put(token, byName.color(token.key(), Color.parse(token.fallback())));
            } else {
                numbers.put(token, byName.number(token.key(), Float.parseFloat(token.fallback())));
            }
        }
    }

    public static ThemeTokens of(String name, Map<String, String> tokens) {
        return new ThemeTokens(name, tokens);
    }

    /** Only the tokens' own fallbacks (the light theme's values). */
    public static ThemeTokens none() {
        return NONE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int color(Token token) {
        Integer value = colors.get(token);
        if (value == null) {
            throw new IllegalArgumentException(token + " is a size, not a colour: read it with theme.number(Token."
                    + token + ")");
        }
        return value;
    }

    @Override
    public float number(Token token) {
        Float value = numbers.get(token);
        if (value == null) {
            throw new IllegalArgumentException(token + " is a colour, not a size: read it with theme.color(Token."
                    + token + ")");
        }
        return value;
    }

    @Override
    public int color(String token, int fallback) {
        return byName.color(token, fallback);
    }

    @Override
    public float number(String token, float fallback) {
        return byName.number(token, fallback);
    }

    /** The theme file's tokens by name. */
    public Map<String, String> tokens() {
        return byName.asMap();
    }

    @Override
    public String toString() {
        return "Theme[" + name + "]";
    }
}
