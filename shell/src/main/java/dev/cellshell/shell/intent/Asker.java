package dev.cellshell.shell.intent;

import dev.cellshell.shell.tissue.Change;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One way to ask, for the CLI ({@code cell ask}) and the workbench's prompt bar alike: plan the request against the
 * desktop as it is, say what was understood, apply it as one change, and remember what "it" means next time (the
 * cell selected last, or the single cell the last request changed). Blocking: call it off the UI and tissue threads.
 */
public final class Asker {

    private static final Logger LOG = LoggerFactory.getLogger(Asker.class);

    /**
     * @param sceneVersion the scene that shows the change, -1 when nothing changed
     */
    public record Answer(Plan plan, boolean applied, String message, long sceneVersion, boolean needsConfirmation) {
        public Answer(Plan plan, boolean applied, String message, long sceneVersion) {
            this(plan, applied, message, sceneVersion, false);
        }
    }

    /** A plan that removes more than this many cells is applied only when confirmed. */
    static final int REMOVALS_WITHOUT_CONFIRMATION = 1;

    private final Engine engine;
    private final PlanRunner plans;
    private final CodeWriter coder;
    private volatile String focus = "";

    /** @param coder the language model's writer, or null when none is configured */
    public Asker(Engine engine, PlanRunner plans, CodeWriter coder) {
        this.engine = engine;
        this.plans = plans;
        this.coder = coder;
    }

    /** A cell was selected (on screen, in the workbench, by {@code cell select}): it is "it" from now on. */
    public void focus(String cellId) {
        focus = cellId == null ? "" : cellId;
    }

    /** The configured language model's writer, or null. */
    public CodeWriter coder() {
        return coder;
    }

    /** Plans {@code request}; unless {@code dryRun}, applies it when understood and not in need of confirmation. */
    public Answer ask(String request, boolean dryRun) throws java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException, InterruptedException {
        return ask(request, dryRun, false);
    }

    /**
     * Plans {@code request}; unless {@code dryRun}, applies it when understood. A plan that would remove more than
     * one cell changes nothing unless {@code confirmed}: the answer says what it would remove and asks.
     */
    public Answer ask(String request, boolean dryRun, boolean confirmed) throws java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException, InterruptedException {
        Plan plan = engine.plan(request, plans.desktop(focus));
        if (!plan.understood() && coder != null) {
            plan = new Plan(plan.request(), false, plan.confidence(), plan.message() + " To have the language model ("
                    + coder.modelName() + ") write code for it: cell ask --llm " + Plan.string(request),
                    plan.changes(), plan.backend());
        }
        LOG.info("ask '{}': {} ({}, {})", request, plan.message(), plan.backend(),
                String.format(java.util.Locale.ROOT, "%.2f", plan.confidence()));
        if (dryRun || !plan.understood()) {
            return new Answer(plan, false, plan.message(), -1);
        }
        java.util.List<String> removed = plan.changes().stream().filter(op -> op instanceof Op.Rm)
                .map(op -> ((Op.Rm) op).cell()).toList();
        if (removed.size() > REMOVALS_WITHOUT_CONFIRMATION && !confirmed) {
            String message = "This would remove " + removed.size() + " cells (" + String.join(", ", removed)
                    + "). Nothing was changed: confirm to do it (cell ask --yes, or Confirm in the prompt bar).";
            LOG.info("ask '{}': waits for confirmation ({} removals)", request, removed.size());
            return new Answer(plan, false, message, -1, true);
        }
        Change change = plans.apply(plan).get(60, TimeUnit.SECONDS);
        if (change.done()) {
            Set<String> touched = PlanRunner.cells(plan);
            if (touched.size() == 1) {
                focus = touched.iterator().next();
            }
        }
        return new Answer(plan, change.done(), change.done() ? plan.message() : change.message(),
                change.sceneVersion());
    }

    /** Has the language model write the code for {@code request} (a new or changed cell type). */
    public CodeWriter.Outcome write(String request) {
        if (coder == null) {
            throw new IllegalStateException("no language model is configured: set CELLSHELL_LLM (openai, anthropic "
                    + "or ollama) and its OPENAI_/ANTHROPIC_/OLLAMA_ settings, or write llm.properties in the "
                    + "workspace");
        }
        CodeWriter.Outcome outcome = coder.write(request, plans.desktop(focus));
        if (outcome.done()) {
            focus = outcome.cellId();
        }
        return outcome;
    }
}
