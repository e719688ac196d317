package dev.cellshell.shell.intent;

import java.util.Optional;

/**
 * The offline intent engine: verb rules and grammar first ({@link Rules}); when no rule finds a verb, the
 * nearest paraphrase ({@link Paraphrases}) names the intent and the rules fill its slots. A plan whose confidence
 * is below {@link #MIN_CONFIDENCE} is not applied. Thread-safe; the model loads in the background.
 */
public final class Engine {

    /** What can be asked, for answers to requests that were not understood. */
    static final String REPERTOIRE = "I can make a cell bigger or smaller (\"make the clock 50% bigger\"), move it "
            + "(\"move the button to the top right\", \"put the label under the clock\"), colour it (\"make the "
            + "label dark blue\"), change its text (\"make the title say Hello\") or variant (\"make the clock "
            + "analog\"), add or remove cells (\"add a clock to the bottom left\"), switch the theme (\"dark "
            + "mode\"), arrange the desktop, and undo.";
    public static final double MIN_CONFIDENCE = 0.6;

    private final Paraphrases paraphrases;

    private Engine(Paraphrases paraphrases) {
        this.paraphrases = paraphrases;
    }

    /** An engine whose paraphrase model starts loading now, in the background. */
    public static Engine start() {
        return new Engine(Paraphrases.loadInBackground());
    }

    /**
     * An engine whose paraphrase model loads when the first request the rules do not know needs it (that request
     * waits for it, ~1 s here); a desktop nobody asks in paraphrases never pays its ~150 MB.
     */
    public static Engine create() {
        return new Engine(new Paraphrases());
    }

    /** Starts loading the paraphrase model in the background (once). */
    public void loadModel() {
        paraphrases.load();
    }

    /** Waits for the paraphrase model; returns how long loading took (ms). */
    public long awaitModel() {
        return paraphrases.await();
    }

    public boolean modelReady() {
        return paraphrases.ready();
    }

    /** What {@code request} means on {@code desktop}; never changes anything. */
    public Plan plan(String request, Desktop desktop) {
        String trimmed = request.trim();
        if (trimmed.isEmpty()) {
            return Plan.notUnderstood(request, "Ask for something. " + REPERTOIRE);
        }
        Plan byRules = Rules.plan(trimmed, desktop, null, 1, false);
        if (byRules.understood() || !byRules.message().startsWith(Rules.UNKNOWN)) {
            return low(byRules);
        }
        Optional<Paraphrases.Match> match = paraphrases.nearest(trimmed);
        if (match.isPresent()) {
            Plan paraphrased = Rules.plan(trimmed, desktop, match.get().intent(), match.get().similarity());
            if (paraphrased.understood() || !paraphrased.message().startsWith(Rules.UNKNOWN)) {
                return low(paraphrased);
            }
        }
        Plan mended = Rules.plan(trimmed, desktop, null, 1, true);
        return low(mended.understood() || !mended.message().startsWith(Rules.UNKNOWN) ? mended : byRules);
    }

    private static Plan low(Plan plan) {
        if (plan.understood() && plan.confidence() < MIN_CONFIDENCE) {
            return new Plan(plan.request(), false, plan.confidence(), "Not sure what you mean (I would have: "
                    + plan.message() + "); say it another way. " + REPERTOIRE, java.util.List.of(),
                    plan.backend());
        }
        return plan;
    }
}
