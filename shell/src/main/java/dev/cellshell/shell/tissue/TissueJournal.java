package dev.cellshell.shell.tissue;

import dev.cellshell.livecompiler.SourceFile;
import java.util.List;

/** Where the tissue records every change it makes or refuses, before acknowledging it. */
public interface TissueJournal {

    /**
     * @param actor who asked: {@code cli}, {@code workbench}, {@code file}, {@code supervisor}, {@code api}
     * @param before the type's sources before the change; {@code after} after it (equal when nothing changed)
     */
    void record(String actor, String action, String cellId, String cellType, long generation,
            List<SourceFile> before, List<SourceFile> after, String result);

    /**
     * A change of {@code tissue.json} (spawn, rm, set, move, theme, arrange, and their undo/redo): its whole text
     * before and after, so the log shows the diff and undo can put the earlier text back.
     */
    default void recordTissue(String actor, String action, String cellId, String cellType, long generation,
            String before, String after, String result) {
    }

    TissueJournal NONE = (actor, action, cellId, cellType, generation, before, after, result) -> {
    };
}
