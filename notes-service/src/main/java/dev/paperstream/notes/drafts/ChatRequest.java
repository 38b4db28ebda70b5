package dev.paperstream.notes.drafts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A chat completions request body: the fields every OpenAI-compatible server reads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(String model, List<Message> messages, @JsonProperty("max_tokens") int maxTokens,
        double temperature, @JsonProperty("response_format") ResponseFormat responseFormat) {

    public record Message(String role, String content) {
    }

    /** {@code {"type": "json_object"}}: OpenAI, vLLM and Ollama then answer with one JSON object. */
    public record ResponseFormat(String type) {
    }
}
