package dev.cellshell.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The emulator, one family of sequences at a time, checked on the screen it leaves. */
class EmulatorTest {

    private final ByteArrayOutputStream replies = new ByteArrayOutputStream();
    private final List<String> titles = new ArrayList<>();
    private int bells;
    private Emulator term = make(10, 4);

    private Emulator make(int columns, int rows) {
        return new Emulator(columns, rows, 100, replies::writeBytes, new Emulator.Listener() {
            @Override
            public void bell() {
                bells++;
            }

            @Override
            public void titleChanged(String title) {
                titles.add(title);
            }
        });
    }

    private String row(int r) {
        return term.screen().line(r, 0).text();
    }

    private String rows() {
        return term.screen().text();
    }

    private long style(int r, int c) {
        return term.screen().line(r, 0).styleAt(c);
    }

    private String replies() {
        return replies.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class Printing {
        @Test
        void textWrapsAtTheRightEdgeAndTheRowRemembersIt() {
            term.feed("0123456789abc");
            assertThat(row(0)).isEqualTo("0123456789");
            assertThat(row(1)).isEqualTo("abc");
            assertThat(term.screen().line(0, 0).wrapped()).isTrue();
            assertThat(term.screen().cursorColumn()).isEqualTo(3);
        }

        @Test
        void theLastColumnHoldsTheCursorUntilTheNextCharacter() {
            term.feed("0123456789");
            assertThat(term.screen().cursorRow()).isZero();
            assertThat(term.screen().cursorColumn()).isEqualTo(9);
            term.feed("\r");
            assertThat(term.screen().cursorRow()).isZero();
        }

        @Test
        void withoutAutowrapTheLastColumnIsOverwritten() {
            term.feed("\u001b[?7l0123456789XY");
            assertThat(row(0)).isEqualTo("012345678Y");
            assertThat(row(1)).isEmpty();
        }

        @Test
        void utf8AndWideCharactersTakeTheirColumns() {
            term.feed("a\u00e9\u4e2d\u6587b");
            assertThat(row(0)).isEqualTo("a\u00e9\u4e2d\u6587b");
            assertThat(term.screen().cursorColumn()).isEqualTo(7);
            assertThat(Style.attributes(style(0, 2)) & Style.WIDE).isNotZero();
            assertThat(Style.attributes(style(0, 3)) & Style.SPACER).isNotZero();
        }

        @Test
        void anEmojiIsTwoColumnsAndAWideCharacterAtTheEdgeWraps() {
            term.feed("12345678\uD83D\uDE00");
            assertThat(row(0)).isEqualTo("12345678\uD83D\uDE00");
            term.feed("9\u4e2d");
            assertThat(row(1)).isEqualTo("9\u4e2d");
            term.feed("\r\n123456789\u4e2d");
            assertThat(row(2)).isEqualTo("123456789");
            assertThat(row(3)).isEqualTo("\u4e2d");
        }

        @Test
        void overwritingHalfAWideCharacterClearsTheOtherHalf() {
            term.feed("\u4e2d\u6587\u001b[1;2Hx");
            assertThat(row(0)).isEqualTo(" x\u6587");
        }

        @Test
        void brokenUtf8BecomesReplacementCharacters() {
            term.feed(new byte[] {'a', (byte) 0xe4, (byte) 0xb8, 'b', (byte) 0xff, (byte) 0xc0, (byte) 0x80});
            assertThat(row(0)).isEqualTo("a\ufffdb\ufffd\ufffd\ufffd");
        }

        @Test
        void aSequenceSplitAcrossReadsIsStillOne() {
            byte[] all = "x\u001b[31mred\u4e2d".getBytes(StandardCharsets.UTF_8);
            for (byte b : all) {
                term.feed(new byte[] {b});
            }
            assertThat(row(0)).isEqualTo("xred\u4e2d");
            assertThat(Style.foreground(style(0, 1))).isEqualTo(1);
        }

        @Test
        void combiningMarksAreNotGivenAColumn() {
            term.feed("e\u0301x");
            assertThat(term.screen().cursorColumn()).isEqualTo(2);
        }

        @Test
        void decLineDrawingTurnsLettersIntoBoxCharacters() {
            term.feed("\u001b(0lqk\u001b(Bq");
            assertThat(row(0)).isEqualTo("\u250c\u2500\u2510q");
        }

        @Test
        void repeatPrintsTheLastCharacterAgain() {
            term.feed("ab\u001b[3b");
            assertThat(row(0)).isEqualTo("abbbb");
        }

        @Test
        void insertModeShiftsTheLineRight() {
            term.feed("abcd\r\u001b[4hXY\u001b[4lZ");
            assertThat(row(0)).isEqualTo("XYZbcd");
        }
    }

    @Nested
    class CursorMovement {
        @Test
        void absoluteAndRelativeMoves() {
            term.feed("\u001b[3;5HA\u001b[2DB\u001b[AC\u001b[2BD\u001b[10CE");
            assertThat(rows()).isEqualTo("\n    C\n   BA\n     D   E\n");
        }

        @Test
        void movesStopAtTheEdges() {
            term.feed("\u001b[99;99Hx\u001b[99A\u001b[99Dy");
            assertThat(row(3)).isEqualTo("         x");
            assertThat(row(0)).isEqualTo("y");
        }

        @Test
        void columnAndRowAbsoluteAndNextPreviousLine() {
            term.feed("\u001b[4Ga\u001b[3db\u001b[Ec\u001b[2Fd");
            assertThat(rows()).isEqualTo("   a\nd\n    b\nc\n");
        }

        @Test
        void saveAndRestoreKeepPositionAndPen() {
            term.feed("\u001b[2;3H\u001b[32m\u001b7\u001b[0m\u001b[4;1Hx\u001b8y");
            assertThat(row(1)).isEqualTo("  y");
            assertThat(Style.foreground(style(1, 2))).isEqualTo(2);
            assertThat(Style.foreground(style(3, 0))).isEqualTo(Style.DEFAULT_COLOR);
        }

        @Test
        void tabsStopEveryEightColumnsAndCanBeSetAndCleared() {
            term = make(20, 2);
            term.feed("a\tb\tc");
            assertThat(row(0)).isEqualTo("a       b       c");
            term.feed("\r\n\u001b[3g\u001b[4G\u001bH\r\tx\u001b[Zy");
            assertThat(row(1)).isEqualTo("   y");
        }

        @Test
        void backspaceAndCarriageReturn() {
            term.feed("abc\b\bX\rY");
            assertThat(row(0)).isEqualTo("YXc");
        }

        @Test
        void originModeCountsRowsFromTheRegion() {
            term.feed("\u001b[2;3r\u001b[?6h\u001b[1;1Ha\u001b[9;1Hb");
            assertThat(rows()).isEqualTo("\na\nb\n\n");
        }
    }

    @Nested
    class Erasing {
        @Test
        void eraseInLineAndDisplay() {
            term.feed("aaaaaaaaaa\r\nbbbbbbbbbb\r\ncccccccccc\r\ndddddddddd");
            term.feed("\u001b[2;5H\u001b[K\u001b[3;5H\u001b[1K\u001b[4;5H\u001b[2K");
            assertThat(rows()).isEqualTo("aaaaaaaaaa\nbbbb\n     ccccc\n\n");
            term.feed("\u001b[1;3H\u001b[J");
            assertThat(rows()).isEqualTo("aa\n\n\n\n");
            term.feed("x\u001b[1J");
            assertThat(rows()).isEqualTo("\n\n\n\n");
        }

        @Test
        void eraseUsesTheCurrentBackground() {
            term.feed("\u001b[44m\u001b[2J");
            assertThat(Style.background(style(2, 5))).isEqualTo(4);
            assertThat(Style.foreground(style(2, 5))).isEqualTo(Style.DEFAULT_COLOR);
        }

        @Test
        void eraseAndDeleteAndInsertCharacters() {
            term.feed("0123456789\r\u001b[2C\u001b[3X");
            assertThat(row(0)).isEqualTo("01   56789");
            term.feed("\u001b[2P");
            assertThat(row(0)).isEqualTo("01 56789");
            term.feed("\u001b[3@");
            assertThat(row(0)).isEqualTo("01    5678");
        }

        @Test
        void eraseScrollbackLeavesTheScreen() {
            term.feed("1\r\n2\r\n3\r\n4\r\n5\r\n6");
            assertThat(term.screen().historySize()).isEqualTo(2);
            term.feed("\u001b[3J");
            assertThat(term.screen().historySize()).isZero();
            assertThat(row(3)).isEqualTo("6");
        }
    }

    @Nested
    class Scrolling {
        @Test
        void linesLeavingTheTopGoToTheScrollback() {
            term.feed("1\r\n2\r\n3\r\n4\r\n5\r\n6");
            assertThat(rows()).isEqualTo("3\n4\n5\n6\n");
            assertThat(term.screen().line(0, 2).text()).isEqualTo("1");
            assertThat(term.screen().line(3, 2).text()).isEqualTo("4");
        }

        @Test
        void theScrollbackIsBounded() {
            term = new Emulator(10, 2, 3, b -> { }, new Emulator.Listener() { });
            for (int i = 0; i < 20; i++) {
                term.feed(i + "\r\n");
            }
            assertThat(term.screen().historySize()).isEqualTo(3);
            assertThat(term.screen().line(0, 3).text()).isEqualTo("16");
        }

        @Test
        void aRegionScrollsOnlyItsRowsAndKeepsNothing() {
            term.feed("a\r\nb\r\nc\r\nd\u001b[2;3r\u001b[3;1H\n\nX");
            assertThat(rows()).isEqualTo("a\n\nX\nd\n");
            assertThat(term.screen().historySize()).isZero();
        }

        @Test
        void reverseIndexAtTheTopScrollsDown() {
            term.feed("a\r\nb\u001b[H\u001bMz");
            assertThat(rows()).isEqualTo("z\na\nb\n\n");
        }

        @Test
        void scrollUpAndDownSequences() {
            term.feed("a\r\nb\r\nc\r\nd\u001b[2S");
            assertThat(rows()).isEqualTo("c\nd\n\n\n");
            term.feed("\u001b[1T");
            assertThat(rows()).isEqualTo("\nc\nd\n\n");
        }

        @Test
        void insertAndDeleteLinesInsideTheRegion() {
            term.feed("a\r\nb\r\nc\r\nd\u001b[2;1H\u001b[L");
            assertThat(rows()).isEqualTo("a\n\nb\nc\n");
            term.feed("\u001b[2M");
            assertThat(rows()).isEqualTo("a\nc\n\n\n");
            assertThat(term.screen().historySize()).isZero();
        }
    }

    @Nested
    class Attributes {
        @Test
        void sixteenColoursAndBright() {
            term.feed("\u001b[31;42ma\u001b[93;104mb\u001b[39;49mc");
            assertThat(Style.foreground(style(0, 0))).isEqualTo(1);
            assertThat(Style.background(style(0, 0))).isEqualTo(2);
            assertThat(Style.foreground(style(0, 1))).isEqualTo(11);
            assertThat(Style.background(style(0, 1))).isEqualTo(12);
            assertThat(style(0, 2)).isZero();
        }

        @Test
        void paletteAndTrueColourInBothForms() {
            term.feed("\u001b[38;5;208ma\u001b[48;2;1;2;3mb\u001b[38:2::10:20:30mc\u001b[38:5:99md\u001b[38:2:7:8:9me");
            assertThat(Style.foreground(style(0, 0))).isEqualTo(208);
            assertThat(Style.background(style(0, 1))).isEqualTo(Style.RGB_FLAG | 0x010203);
            assertThat(Style.foreground(style(0, 2))).isEqualTo(Style.RGB_FLAG | 0x0a141e);
            assertThat(Style.foreground(style(0, 3))).isEqualTo(99);
            assertThat(Style.foreground(style(0, 4))).isEqualTo(Style.RGB_FLAG | 0x070809);
        }

        @Test
        void trueColourDoesNotTurnIntoAttributes() {
            term.feed("\u001b[38;2;1;4;7mx");
            assertThat(Style.attributes(style(0, 0))).isZero();
        }

        @Test
        void attributesSetAndClearOneByOne() {
            term.feed("\u001b[1;3;4;7;9ma\u001b[22;24mb\u001b[0mc\u001b[2;8md");
            int a = Style.BOLD | Style.ITALIC | Style.UNDERLINE | Style.INVERSE | Style.STRIKE;
            assertThat(Style.attributes(style(0, 0))).isEqualTo(a);
            assertThat(Style.attributes(style(0, 1))).isEqualTo(Style.ITALIC | Style.INVERSE | Style.STRIKE);
            assertThat(Style.attributes(style(0, 2))).isZero();
            assertThat(Style.attributes(style(0, 3))).isEqualTo(Style.DIM | Style.HIDDEN);
        }

        @Test
        void malformedColoursAreIgnoredWithoutThrowing() {
            term.feed("\u001b[38;2;1mx\u001b[38;5my\u001b[48:2:1mz");
            assertThat(row(0)).isEqualTo("xyz");
        }
    }

    @Nested
    class Modes {
        @Test
        void theAlternateScreenIsClearedAndTheNormalOneComesBack() {
            term.feed("shell$ \u001b[?1049h\u001b[Hvim here");
            assertThat(term.screen().onAlternate()).isTrue();
            assertThat(row(0)).isEqualTo("vim here");
            term.feed("\u001b[?1049l");
            assertThat(term.screen().onAlternate()).isFalse();
            assertThat(row(0)).isEqualTo("shell$");
            assertThat(term.screen().cursorColumn()).isEqualTo(7);
        }

        @Test
        void theAlternateScreenKeepsNoScrollback() {
            term.feed("\u001b[?1049h1\r\n2\r\n3\r\n4\r\n5\r\n6");
            assertThat(term.screen().historySize()).isZero();
        }

        @Test
        void programModesAreRemembered() {
            term.feed("\u001b[?1h\u001b[?25l\u001b[?2004h\u001b[?1002h\u001b[?1006h\u001b[5 q\u001b=");
            assertThat(term.applicationCursor()).isTrue();
            assertThat(term.cursorVisible()).isFalse();
            assertThat(term.bracketedPaste()).isTrue();
            assertThat(term.mouseTracking()).isEqualTo(Emulator.MouseTracking.DRAGS);
            assertThat(term.sgrMouse()).isTrue();
            assertThat(term.cursorShape()).isEqualTo(5);
            assertThat(term.applicationKeypad()).isTrue();
            term.feed("\u001bc");
            assertThat(term.applicationCursor()).isFalse();
            assertThat(term.mouseTracking()).isEqualTo(Emulator.MouseTracking.NONE);
            assertThat(term.bracketedPaste()).isFalse();
        }

        @Test
        void severalModesInOneSequence() {
            term.feed("\u001b[?1;2004h");
            assertThat(term.applicationCursor()).isTrue();
            assertThat(term.bracketedPaste()).isTrue();
        }
    }

    @Nested
    class Reports {
        @Test
        void cursorPositionAndStatusAndAttributes() {
            term.feed("\u001b[3;4H\u001b[6n\u001b[5n\u001b[c\u001b[>c\u001b[18t");
            assertThat(replies()).isEqualTo("\u001b[3;4R\u001b[0n\u001b[?62;22c\u001b[>0;276;0c\u001b[8;4;10t");
        }

        @Test
        void titleFromOscWithBelOrStAndBell() {
            term.feed("\u001b]0;first\u0007\u001b]2;z\u00fcrich\u001b\\\u0007");
            assertThat(titles).containsExactly("first", "z\u00fcrich");
            assertThat(term.title()).isEqualTo("z\u00fcrich");
            assertThat(bells).isEqualTo(1);
        }

        @Test
        void colourQueriesAreAnsweredWithTheThemesColours() {
            term.useColors(0xff2e3440, 0xfffbfbfc);
            term.feed("\u001b]11;?\u0007\u001b]10;?\u001b\\");
            assertThat(replies()).isEqualTo("\u001b]11;rgb:fbfb/fbfb/fcfc\u001b\\\u001b]10;rgb:2e2e/3434/4040\u001b\\");
        }

        @Test
        void aCancelledOscDoesNothing() {
            term.feed("\u001b]2;never\u0018after");
            assertThat(titles).isEmpty();
            assertThat(row(0)).isEqualTo("after");
        }

        @Test
        void dcsAndApcStringsAreSkippedWhole() {
            term.feed("a\u001bP1$r0m\u001b\\b\u001b_hidden\u001b\\c");
            assertThat(row(0)).isEqualTo("abc");
        }
    }

    @Nested
    class Resizing {
        @Test
        void shrinkingKeepsTheCursorLineAndGrowingBringsLinesBack() {
            term.feed("1\r\n2\r\n3\r\n4");
            term.resize(10, 2);
            assertThat(rows()).isEqualTo("3\n4\n");
            assertThat(term.screen().cursorRow()).isEqualTo(1);
            term.resize(10, 4);
            assertThat(rows()).isEqualTo("1\n2\n3\n4\n");
            assertThat(term.screen().cursorRow()).isEqualTo(3);
        }

        @Test
        void narrowerCutsLinesAndWiderPadsThem() {
            term.feed("0123456789");
            term.resize(4, 4);
            assertThat(row(0)).isEqualTo("0123");
            assertThat(term.screen().cursorColumn()).isEqualTo(3);
            term.resize(12, 4);
            term.feed("\r\u001b[12Gz");
            assertThat(row(0)).isEqualTo("0123       z");
        }
    }

    /** What a hostile file printed with cat could try: make the terminal type for it, or grow without end. */
    @Nested
    class HostileOutput {
        @Test
        void nothingEchoesTextBackAsInput() {
            // xterm's title report (CSI 21 t), DECRQSS, a colour query with a payload, OSC 52 clipboard writes
            term.feed("\u001b]2;rm -rf ~\r\u0007\u001b[21t\u001b[20t\u001bP$qm\u001b\\\u001b]52;c;cm0gLXJmIH4K\u0007"
                    + "\u001b]4;1;?\u0007\u001b[>q");
            assertThat(replies()).isEmpty();
        }

        @Test
        void hugeNumbersAndEndlessStringsStayBounded() {
            term.feed("\u001b[99999999999999999999;99999999999999999999H\u001b[999999999@\u001b[999999999L"
                    + "\u001b[999999999b\u001b[" + "1;".repeat(10_000) + "m");
            assertThat(term.screen().cursorRow()).isEqualTo(3);
            term.feed("\u001b]2;" + "x".repeat(1_000_000) + "\u0007");
            assertThat(term.title()).hasSize(256);
            term.feed("\u001bP" + "y".repeat(1_000_000) + "\u001b\\ok");
            assertThat(row(3)).endsWith("ok");
        }
    }

    @Test
    void damageNamesTheRowsThatChanged() {
        term.screen().takeDamage();
        term.feed("\u001b[3;1Hx");
        assertThat(term.screen().takeDamage().get(2)).isTrue();
        term.feed("y");
        var damage = term.screen().takeDamage();
        assertThat(damage.cardinality()).isEqualTo(1);
        assertThat(damage.get(2)).isTrue();
    }
}
