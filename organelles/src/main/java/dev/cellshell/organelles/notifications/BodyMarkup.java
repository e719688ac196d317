package dev.cellshell.organelles.notifications;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification body's markup (the spec allows {@code <b> <i> <u> <a href> <img src alt>}, and clients send the
 * five XML entities) turned into the plain text cells draw: tags dropped, an image replaced by its alt text,
 * entities decoded; anything else that looks like a tag is kept as text (it was not markup).
 */
public final class BodyMarkup {

    private static final Pattern TAG = Pattern.compile("<(/?)(b|i|u|a|img)(\\s[^<>]*)?/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("alt\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private BodyMarkup() {
    }

    public static String toPlain(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        Matcher tags = TAG.matcher(body);
        StringBuilder text = new StringBuilder();
        while (tags.find()) {
            String replacement = "";
            if (tags.group(2).equalsIgnoreCase("img") && tags.group(3) != null) {
                Matcher alt = ALT.matcher(tags.group(3));
                replacement = alt.find() ? alt.group(1) : "";
            }
            tags.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        tags.appendTail(text);
        Matcher entities = ENTITY.matcher(text);
        StringBuilder plain = new StringBuilder();
        while (entities.find()) {
            String name = entities.group(1);
            String character = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> {
                    int code = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
                    yield Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : "\uFFFD";
                }
            };
            entities.appendReplacement(plain, Matcher.quoteReplacement(character));
        }
        entities.appendTail(plain);
        return plain.toString();
    }
}
