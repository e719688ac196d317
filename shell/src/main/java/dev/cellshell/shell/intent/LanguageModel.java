package dev.cellshell.shell.intent;

import java.util.List;

/**
 * A chat model that writes cell code: an OpenAI-compatible server, Anthropic or Ollama through langchain4j
 * ({@link LanguageModels}), or a fake in tests. Calls block; they run on the control thread that asked.
 */
public interface LanguageModel {

    /** One turn of the conversation. */
    record Message(Role role, String text) {
    }

    enum Role { SYSTEM, USER, ASSISTANT }

    /** The model's answer to the conversation so far. @throws RuntimeException when the server fails or times out */
    String reply(List<Message> conversation);

    /** Backend and model, e.g. {@code openai gpt-4o-mini}, for the audit log. */
    String name();
}
