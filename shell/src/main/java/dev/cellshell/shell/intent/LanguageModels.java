package dev.cellshell.shell.intent;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The language model a person configured, if any: {@code llm.properties} in the workspace ({@code provider =
 * openai | anthropic | ollama}, {@code baseUrl}, {@code apiKey}, {@code model}, {@code timeoutSeconds}), else the
 * environment ({@code CELLSHELL_LLM} naming the provider, and {@code OPENAI_BASE_URL}/{@code OPENAI_API_KEY}/
 * {@code OPENAI_MODEL}, {@code ANTHROPIC_…}, {@code OLLAMA_BASE_URL}/{@code OLLAMA_MODEL}; an {@code OPENAI_API_KEY}
 * alone means OpenAI). Nothing configured: the offline engine alone.
 */
public final class LanguageModels {

    private LanguageModels() {
    }

    /** @throws IllegalArgumentException naming what is wrong in the configuration */
    public static Optional<LanguageModel> configured(Path workspace, Map<String, String> environment) {
        Properties file = new Properties();
        Path settings = workspace.resolve("llm.properties");
        if (Files.exists(settings)) {
            try (Reader in = Files.newBufferedReader(settings)) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException(settings + " cannot be read: " + e.getMessage(), e);
            }
        }
        String provider = file.getProperty("provider", environment.getOrDefault("CELLSHELL_LLM",
                environment.containsKey("OPENAI_API_KEY") ? "openai" : "")).trim().toLowerCase(Locale.ROOT);
        if (provider.isEmpty() || provider.equals("none")) {
            return Optional.empty();
        }
        String prefix = switch (provider) {
            case "openai" -> "OPENAI_";
            case "anthropic" -> "ANTHROPIC_";
            case "ollama" -> "OLLAMA_";
            default -> throw new IllegalArgumentException("unknown language model provider '" + provider
                    + "' (openai, anthropic, ollama)");
        };
        String baseUrl = file.getProperty("baseUrl", environment.getOrDefault(prefix + "BASE_URL", switch (provider) {
            case "openai" -> "https://api.openai.com/v1";
            case "anthropic" -> "https://api.anthropic.com/v1/";
            default -> "http://localhost:11434";
        }));
        String apiKey = file.getProperty("apiKey", environment.getOrDefault(prefix + "API_KEY", ""));
        String model = file.getProperty("model", environment.getOrDefault(prefix + "MODEL", switch (provider) {
            case "openai" -> "gpt-4o-mini";
            case "anthropic" -> "claude-3-5-haiku-latest";
            default -> "qwen2.5-coder";
        }));
        Duration timeout = Duration.ofSeconds(Long.parseLong(file.getProperty("timeoutSeconds",
                environment.getOrDefault("CELLSHELL_LLM_TIMEOUT_SECONDS", "60"))));
        if (!provider.equals("ollama") && apiKey.isEmpty()) {
            throw new IllegalArgumentException(provider + " needs an API key: set " + prefix + "API_KEY or apiKey in "
                    + settings);
        }
        ChatModel chat = switch (provider) {
            case "openai" -> OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model)
                    .timeout(timeout).maxRetries(0).temperature(0.0).build();
            case "anthropic" -> AnthropicChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model)
                    .timeout(timeout).maxRetries(0).maxTokens(4096).build();
            default -> OllamaChatModel.builder().baseUrl(baseUrl).modelName(model).timeout(timeout).maxRetries(0)
                    .build();
        };
        return Optional.of(of(chat, provider + " " + model));
    }

    /** A langchain4j chat model as a {@link LanguageModel}. */
    static LanguageModel of(ChatModel chat, String name) {
        return new LanguageModel() {
            @Override
            public String reply(List<Message> conversation) {
                List<ChatMessage> messages = new ArrayList<>();
                for (Message m : conversation) {
                    messages.add(switch (m.role()) {
                        case SYSTEM -> SystemMessage.from(m.text());
                        case USER -> UserMessage.from(m.text());
                        case ASSISTANT -> AiMessage.from(m.text());
                    });
                }
                String text = chat.chat(messages).aiMessage().text();
                return text == null ? "" : text;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
