package dev.cellshell.shell.intent;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paraphrases the verb rules do not know ("it's too bright in here", "blow the clock up"): the request's sentence
 * embedding (all-MiniLM-L6-v2, quantized, in-process: the model ships inside its jar) is compared with a few
 * example phrasings per {@link Rules.Intent}; the nearest intent wins when it is near enough and clearly nearer
 * than the runner-up. The model loads on its own thread, never on the UI or tissue thread: when the first request
 * needs it (that request waits for it), or at once with {@link #loadInBackground}. Loaded, it holds ~150 MB of native
 * memory (ONNX Runtime's arena; closing the session gives little of it back), so it is not loaded before it is used.
 */
final class Paraphrases {

    private static final Logger LOG = LoggerFactory.getLogger(Paraphrases.class);
    /**
     * Below this cosine similarity a request is out of scope. Measured on the table's requests: out-of-scope ones
     * reach 0.57 ("shut down the computer" → dark theme), paraphrases that should match 0.70–0.86.
     */
    static final double THRESHOLD = 0.6;
    /** The best intent must beat the best other intent by this much ("blow up the clock": add 0.67, remove 0.65). */
    static final double MARGIN = 0.1;
    /** How long a request waits for the model to load before the rules answer it alone. */
    private static final long LOAD_TIMEOUT_SECONDS = 30;

    static final Map<Rules.Intent, List<String>> EXAMPLES = Map.ofEntries(
            Map.entry(Rules.Intent.BIGGER, List.of("make it bigger", "enlarge the clock", "scale the button up",
                    "blow up the label", "the text is too small to read", "I can barely see the clock",
                    "give the button more room", "zoom in on the clock")),
            Map.entry(Rules.Intent.SMALLER, List.of("make it smaller", "shrink the clock", "scale the button down",
                    "the label takes too much space", "the clock is too big", "make the button more compact")),
            Map.entry(Rules.Intent.THEME_DARK, List.of("switch to dark mode", "it is too bright",
                    "turn the lights off", "my eyes hurt, use darker colours", "night time look please")),
            Map.entry(Rules.Intent.THEME_LIGHT, List.of("switch to light mode", "it is too dark to see",
                    "make the desktop brighter", "daytime colours please", "I prefer a white background")),
            Map.entry(Rules.Intent.ARRANGE, List.of("arrange the cells", "everything overlaps, fix it",
                    "make the desktop neat", "sort out this mess", "line the cells up nicely")),
            Map.entry(Rules.Intent.UNDO, List.of("undo", "that was wrong, go back", "revert the last change",
                    "oops, change it back", "cancel what you just did")),
            Map.entry(Rules.Intent.REMOVE, List.of("remove the clock", "I don't need the button anymore",
                    "take the label away", "get the clock off my screen", "throw away that cell")),
            Map.entry(Rules.Intent.ADD, List.of("add a clock", "I want a new button", "give me a clock",
                    "insert a label", "I'd like another clock on the desktop")),
            Map.entry(Rules.Intent.MOVE, List.of("move the clock to the top right", "relocate the button",
                    "reposition the label", "the clock should live in the corner")));

    private record Example(Rules.Intent intent, Embedding embedding) {
    }

    /** The nearest intent and its similarity. */
    record Match(Rules.Intent intent, double similarity, double runnerUp) {
    }

    private final CompletableFuture<Loaded> loaded = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    private record Loaded(EmbeddingModel model, List<Example> examples, long loadMillis) {
    }

    /** Starts loading the model on a background thread now. */
    static Paraphrases loadInBackground() {
        Paraphrases paraphrases = new Paraphrases();
        paraphrases.load();
        return paraphrases;
    }

    /** Not loaded until {@link #load}. */
    Paraphrases() {
    }

    /** Starts loading the model on its own thread (once; later calls do nothing). */
    void load() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Loaded> future = loaded;
        Thread loader = new Thread(() -> {
            try {
                long start = System.nanoTime();
                EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                List<Example> examples = new ArrayList<>();
                EXAMPLES.forEach((intent, phrases) -> phrases.forEach(p ->
                        examples.add(new Example(intent, model.embed(p).content()))));
                long millis = (System.nanoTime() - start) / 1_000_000;
                LOG.info("paraphrase model loaded in {} ms ({} examples)", millis, examples.size());
                future.complete(new Loaded(model, examples, millis));
            } catch (RuntimeException | LinkageError e) {
                LOG.error("paraphrase model not loaded; plain-language requests use the verb rules only: {}",
                        e.toString());
                future.completeExceptionally(e);
            }
        }, "intent-model");
        loader.setDaemon(true);
        loader.setPriority(Thread.MIN_PRIORITY);
        loader.start();
    }

    /** True once the model is ready (requests before that use the rules alone). */
    boolean ready() {
        return loaded.isDone() && !loaded.isCompletedExceptionally();
    }

    /** Blocks until the model is loaded (tests, benchmarks); returns the load time in milliseconds. */
    long await() {
        load();
        return loaded.join().loadMillis();
    }

    /**
     * The nearest intent when the request is close enough to one; else empty (also when the model cannot load). The
     * first call loads the model and waits for it.
     */
    Optional<Match> nearest(String request) {
        load();
        Loaded l;
        try {
            l = loaded.get(LOAD_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Embedding query = l.model().embed(request).content();
        Map<Rules.Intent, Double> best = new java.util.EnumMap<>(Rules.Intent.class);
        for (Example e : l.examples()) {
            best.merge(e.intent(), CosineSimilarity.between(query, e.embedding()), Math::max);
        }
        var ranked = best.entrySet().stream().sorted(Map.Entry.<Rules.Intent, Double>comparingByValue().reversed())
                .toList();
        Match match = new Match(ranked.get(0).getKey(), ranked.get(0).getValue(),
                ranked.size() > 1 ? ranked.get(1).getValue() : 0);
        LOG.debug("paraphrase of '{}': {}", request, match);
        return match.similarity() >= THRESHOLD && match.similarity() - match.runnerUp() >= MARGIN
                ? Optional.of(match) : Optional.empty();
    }
}
