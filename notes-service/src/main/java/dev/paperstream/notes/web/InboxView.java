package dev.paperstream.notes.web;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.api.QueryParams;
import dev.paperstream.notes.papers.PaperFilter;
import dev.paperstream.notes.papers.PaperPage;
import dev.paperstream.notes.queue.ReadingStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The inbox page: its filters as given, the options to choose from, one page of rows and paging links. */
public record InboxView(PaperFilter filter, PaperPage page, List<String> teams) {

    public List<String> priorities() {
        return List.of(Priority.values()).stream().map(Enum::name).toList();
    }

    public List<String> types() {
        return List.of(PaperType.values()).stream().map(Enum::name).toList();
    }

    public List<String> statuses() {
        return List.of(ReadingStatus.values()).stream().map(Enum::name).toList();
    }

    public String selected(Object current, String option) {
        return current != null && current.toString().equals(option) ? "selected" : null;
    }

    public String previous() {
        return filter.offset() == 0 ? null : link(Math.max(0, filter.offset() - filter.limit()));
    }

    public String next() {
        int following = filter.offset() + filter.limit();
        return following >= page.total() || following > QueryParams.MAX_OFFSET ? null : link(following);
    }

    public long firstRow() {
        return page.total() == 0 ? 0 : filter.offset() + 1;
    }

    /** "1,234", or "more than 1,000" when counting stopped. */
    public String totalText() {
        String n = String.format(java.util.Locale.ROOT, "%,d", page.total());
        return page.totalExact() ? n : "more than " + n;
    }

    public long lastRow() {
        return filter.offset() + page.items().size();
    }

    private String link(int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("team", filter.team());
        params.put("priority", filter.priority());
        params.put("type", filter.type());
        params.put("status", filter.status());
        params.put("q", filter.query());
        params.put("offset", offset);
        return "/?" + params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
