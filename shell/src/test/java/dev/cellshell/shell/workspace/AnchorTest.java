package dev.cellshell.shell.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AnchorTest {

    /** In Turkish, "i".toUpperCase() is "İ": an anchor upper-cased with the default locale was "TOP_RİGHT". */
    @Test
    void anchorsParseAndPrintTheSameUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR"));
            for (Anchor anchor : Anchor.values()) {
                assertThat(Anchor.of(anchor.id())).isEqualTo(anchor);
                assertThat(anchor.id()).doesNotContain("ı").doesNotContain("İ");
            }
            assertThat(Anchor.of("top-right")).isEqualTo(Anchor.TOP_RIGHT);
        } finally {
            Locale.setDefault(before);
        }
    }
}
