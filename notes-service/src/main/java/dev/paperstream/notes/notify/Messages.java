package dev.paperstream.notes.notify;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperScored;
import dev.paperstream.notes.papers.StoredPaper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The words of an announcement and of a digest, per channel kind. */
public final class Messages {
    private Messages() {
    }

    public static String pageUrl(String publicUrl, String paperId) {
        return publicUrl.replaceAll("/+$", "") + "/papers/" + paperId;
    }

    public static String headline(StoredPaper paper, PaperScored score) {
        return score.priority() + " for " + score.team() + ": " + paper.title();
    }

    /**
     * Slack incoming-webhook JSON: header with the title, why it scored as it did, a link to the paper page.
     * Every piece of paper or team text is escaped: a title saying {@code <!channel>} must not ping anyone.
     */
    public static String slack(StoredPaper paper, PaperScored score, String url) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text",
                "text", slackEscape(clip(paper.title(), 150)))));
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text",
                "*" + score.priority() + "* for team *" + slackEscape(score.team()) + "* (score " + score.score()
                        + ", " + score.paperType().name().toLowerCase() + ")\n" + score.reasons().stream()
                        .map(r -> "• " + slackEscape(r)).collect(Collectors.joining("\n")))));
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text",
                "<" + slackEscape(url) + "|Open in Paperstream> · <" + slackEscape(paper.links().abs()) + "|arXiv "
                        + slackEscape(paper.id()) + ">")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", slackEscape(headline(paper, score) + " " + url));
        body.put("blocks", blocks);
        return EventJson.write(body);
    }

    /** The digest as a Slack message: its text escaped like an announcement's. */
    public static String digestSlack(String text) {
        return EventJson.write(Map.of("text", slackEscape(text)));
    }

    /**
     * Slack's three control characters as the entities Slack documents ("Escaping text"): escaped, text cannot
     * form a mention ({@code <!channel>}, {@code <@U123>}) or a link ({@code <http://x|y>}).
     */
    public static String slackEscape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The generic webhook's JSON; its HMAC-SHA256 signature goes in a header. */
    public static String webhook(StoredPaper paper, PaperScored score, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "paper.announced");
        body.put("paperId", paper.id());
        body.put("version", paper.version());
        body.put("title", paper.title());
        body.put("authors", paper.authors());
        body.put("team", score.team());
        body.put("priority", score.priority());
        body.put("score", score.score());
        body.put("paperType", score.paperType());
        body.put("reasons", score.reasons());
        body.put("url", url);
        body.put("abs", paper.links().abs());
        return EventJson.write(body);
    }

    public static String email(StoredPaper paper, PaperScored score, String url) {
        return headline(paper, score) + "\n\n" + String.join(", ", paper.authors()) + "\n\nWhy:\n"
                + score.reasons().stream().map(r -> "  - " + r).collect(Collectors.joining("\n"))
                + "\n\nPaper page: " + url + "\narXiv: " + paper.links().abs() + "\n";
    }

    /** A digest line per paper, for every channel kind. */
    public static String digestText(String team, List<String> lines) {
        return "MEDIUM papers for " + team + " today (" + lines.size() + "):\n\n"
                + lines.stream().map(l -> "- " + l).collect(Collectors.joining("\n")) + "\n";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
