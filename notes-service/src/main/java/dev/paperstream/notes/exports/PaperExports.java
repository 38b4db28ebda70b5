package dev.paperstream.notes.exports;

import dev.paperstream.notes.papers.PaperFilter;
import dev.paperstream.notes.store.PaperListRepository;
import dev.paperstream.notes.papers.PaperPage;
import dev.paperstream.notes.store.PaperRepository;
import dev.paperstream.notes.papers.PaperSummary;
import dev.paperstream.notes.papers.StoredPaper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The papers an export holds: the triage listing's rows for the filter, in its order, read page by page, one
 * entry per paper (without a team filter a paper has a row per team that scored it; the first, best one counts).
 * Bounded so that one request costs at most a known amount: {@link #MAX_PAPERS} papers, read from at most
 * {@link #MAX_ROWS} listing rows.
 */
@ApplicationScoped
public class PaperExports {
    public static final int MAX_PAPERS = 5_000;
    /** Deeper pages of the listing cost a scan of every row before them (see QueryParams.MAX_OFFSET). */
    public static final int MAX_ROWS = 10_000;
    static final int PAGE = 500;

    /** The papers, and whether more matched than the bounds let in. */
    public record Selection(List<ExportedPaper> papers, boolean truncated) {
    }

    private final PaperListRepository list;
    private final PaperRepository papers;

    public PaperExports(PaperListRepository list, PaperRepository papers) {
        this.list = list;
        this.papers = papers;
    }

    /** {@code filter}'s limit and offset are ignored: the export pages through the listing itself. */
    public Selection select(PaperFilter filter) {
        return select(filter, MAX_PAPERS);
    }

    /** At most {@code maxPapers} (up to {@link #MAX_PAPERS}) of the papers {@code filter} selects. */
    public Selection select(PaperFilter filter, int maxPapers) {
        int bound = Math.min(maxPapers, MAX_PAPERS);
        Map<String, PaperSummary> rows = new LinkedHashMap<>();
        boolean truncated = false;
        int offset = 0;
        scan:
        while (true) {
            if (offset >= MAX_ROWS) {
                truncated = !page(filter, offset, 1).items().isEmpty();
                break;
            }
            List<PaperSummary> items = page(filter, offset, PAGE).items();
            for (PaperSummary row : items) {
                if (rows.containsKey(row.id())) {
                    continue;
                }
                if (rows.size() == bound) {
                    truncated = true;
                    break scan;
                }
                rows.put(row.id(), row);
            }
            if (items.size() < PAGE) {
                break;
            }
            offset += PAGE;
        }
        Map<String, StoredPaper> stored = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(rows.keySet());
        for (int from = 0; from < ids.size(); from += PAGE) {
            stored.putAll(papers.findAll(ids.subList(from, Math.min(ids.size(), from + PAGE))));
        }
        List<ExportedPaper> out = new ArrayList<>(rows.size());
        for (PaperSummary row : rows.values()) {
            StoredPaper paper = stored.get(row.id());
            if (paper != null) {
                out.add(new ExportedPaper(paper, filter.team() == null ? null : row));
            }
        }
        return new Selection(out, truncated);
    }

    private PaperPage page(PaperFilter f, int offset, int limit) {
        return list.list(f.page(limit, offset));
    }
}
