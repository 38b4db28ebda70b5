package dev.paperstream.notes.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.events.PaperParsed;
import dev.paperstream.notes.notes.NoteField;
import dev.paperstream.notes.papers.StoredPaper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The messages sent for a draft, and the reading of the model's answer. The paper's text goes in as data
 * (title, abstract, the parsed outline), bounded so that a prompt stays near {@link #MAX_PAPER_CHARS}
 * characters whatever the paper.
 */
final class DraftPrompt {
    static final int MAX_PAPER_CHARS = 12_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DraftPrompt() {
    }

    static List<ChatRequest.Message> messages(DraftKind kind, StoredPaper paper, Optional<PaperParsed> parsed) {
        String keys = kind.fields().stream().map(f -> "\"" + f.key() + "\"").collect(Collectors.joining(", "));
        String system = "You help an ML engineering team read research papers. Write " + kind.task() + "."
                + " Use only what the paper's text below says; write 'not stated' where it says nothing."
                + " Answer with one JSON object whose keys are " + keys + " and whose values are plain strings.";
        return List.of(new ChatRequest.Message("system", system),
                new ChatRequest.Message("user", paperText(paper, parsed)));
    }

    static String paperText(StoredPaper paper, Optional<PaperParsed> parsed) {
        StringBuilder out = new StringBuilder();
        out.append("Title: ").append(paper.title()).append("\n\n");
        out.append("Abstract: ").append(paper.summary()).append('\n');
        parsed.ifPresent(p -> {
            if (!p.sections().isEmpty()) {
                out.append("\nSections: ");
                p.sections().forEach(s -> out.append(s.heading()).append("; "));
                out.append('\n');
            }
            p.algorithms().forEach(a -> out.append("\nAlgorithm ").append(a.label()).append(":\n")
                    .append(a.text()).append('\n'));
        });
        return out.length() > MAX_PAPER_CHARS ? out.substring(0, MAX_PAPER_CHARS) : out.toString();
    }

    /**
     * The fields of the kind that the answer fills, each cut to the notes' field bound. Servers that ignore
     * {@code response_format} may wrap the object in a Markdown fence, which is taken off.
     */
    static Map<NoteField, String> fields(DraftKind kind, String answer) {
        if (answer == null || answer.isBlank()) {
            throw new UnusableAnswerException("the model answered nothing");
        }
        String text = answer.strip();
        if (text.startsWith("```")) {
            text = text.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            throw new UnusableAnswerException("the model's answer is not JSON: " + abbreviate(text));
        }
        if (root == null || !root.isObject()) {
            throw new UnusableAnswerException("the model's answer is not a JSON object: " + abbreviate(text));
        }
        Map<NoteField, String> out = new EnumMap<>(NoteField.class);
        for (NoteField f : kind.fields()) {
            JsonNode v = root.get(f.key());
            if (v == null || v.isNull()) {
                continue;
            }
            String value = (v.isValueNode() ? v.asText() : v.toString()).strip();
            if (!value.isEmpty()) {
                out.put(f, value.length() > NoteField.MAX_CHARS
                        ? value.substring(0, NoteField.MAX_CHARS) : value);
            }
        }
        if (out.isEmpty()) {
            throw new UnusableAnswerException("the model's answer has none of the fields "
                    + kind.fields().stream().map(NoteField::key).toList() + ": " + abbreviate(text));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** The model answered, but not with what was asked for. */
    static final class UnusableAnswerException extends RuntimeException {
        UnusableAnswerException(String message) {
            super(message);
        }
    }
}
