/**
 * Text with Skia's paragraph shaper and the bundled fonts, the same code in the cell host (where cells measure) and in
 * the compositor (where their text is drawn): {@link dev.cellshell.text.SkiaText}, {@link dev.cellshell.text.FontLibrary},
 * and {@link dev.cellshell.text.NativeFiles} (Skia's native library and the fonts, unpacked once per user so every
 * process maps the same files).
 */
package dev.cellshell.text;
