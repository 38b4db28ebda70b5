package dev.paperstream.ingest.pdf;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.ingest.feed.CodeLinks;
import dev.paperstream.ingest.feed.Whitespace;
import dev.paperstream.ingest.grobid.TeiParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Full-text structure without GROBID: PDFBox extracts the text with each line's font size and weight,
 * and line-based heuristics find section headings ({@link Headings}), figure and table captions,
 * "Algorithm N" blocks, the reference list, and code links. Coarser than GROBID, but it needs nothing outside the JVM.
 */
public final class EmbeddedPdfParser {
    public static final String NAME = "embedded pdfbox " + org.apache.pdfbox.util.Version.getVersion();
    private static final Pattern REFERENCES_HEADING = Pattern.compile(
            "(?i)(\\S+ )?(references|bibliography|literature cited|acknowledge?ments?)");
    private static final Pattern NUMBERED_ENTRY = Pattern.compile("^\\[?(\\d{1,3})[\\].]?\\s+\\S");
    private static final Pattern AUTHOR_YEAR_ENTRY = Pattern.compile("^\\p{Lu}[\\p{L}'’-]+,\\s+\\p{Lu}\\.");
    private static final Pattern FIGURE = Pattern.compile("^(Figure|Fig\\.)\\s*(\\d+)\\s*[:.|]\\s*(.*)$");
    private static final Pattern TABLE = Pattern.compile("^(Table|TABLE)\\s*(\\d+|[IVX]+)\\s*[:.|]\\s*(.*)$");
    private static final Pattern ALGORITHM = Pattern.compile("^(Algorithm\\s+\\d+)\\b.*$");
    private static final int ALGORITHM_MAX_LINES = 25;

    private final PdfLimits limits;
    private final ParseSlots slots;

    /** The default limits with another page limit. */
    public EmbeddedPdfParser(int maxPages) {
        this(PdfLimits.withMaxPages(maxPages));
    }

    public EmbeddedPdfParser(PdfLimits limits) {
        this.limits = limits;
        this.slots = new ParseSlots(limits.maxConcurrentParses(), limits.maxParseTime());
    }

    /** The structure and the page count; an {@link UnparseablePdfException} says why a file cannot be read. */
    public record Result(TeiParser.Structure structure, int pages) {
    }

    /**
     * Parses on one of the parse threads under {@link PdfLimits}; a PDF over a limit is refused with a
     * {@link PdfLimitExceededException}, and {@link PdfParserBusyException} says no thread became free in time.
     */
    public Result parse(byte[] pdf) {
        checkMagic(pdf);
        return slots.run(deadline -> parse(pdf, deadline));
    }

    private Result parse(byte[] pdf, ParseDeadline deadline) {
        // anything PDFBox caches goes to temporary files, not the heap; decoded streams are bounded by the size check
        try (PDDocument doc = Loader.loadPDF(pdf, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new UnparseablePdfException("the PDF is encrypted and does not allow text extraction");
            }
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new UnparseablePdfException("the PDF has no pages");
            }
            if (pages > limits.maxPages()) {
                throw new PdfLimitExceededException(PdfLimitExceededException.Limit.PAGES, "the PDF has " + pages
                        + " pages, more than the limit of " + limits.maxPages() + " (paperstream.fulltext.max-pages)");
            }
            DecompressedSizeCheck.check(doc.getDocument(), limits.maxDecompressedBytes(), deadline);
            // content-stream order keeps two-column layouts column by column; sorting by position interleaves them
            StyledTextStripper.Document styled = new StyledTextStripper(deadline).read(doc);
            int chars = 0;
            for (StyledTextStripper.Line line : styled.lines()) {
                chars += (int) line.text().chars().filter(ch -> !Character.isWhitespace(ch)).count();
            }
            if (chars < 100 * Math.min(pages, 3)) {
                throw new UnparseablePdfException("the PDF has almost no extractable text (" + pages
                        + " pages): image-only or scanned, which the embedded parser cannot read");
            }
            return new Result(structure(styled), pages);
        } catch (InvalidPasswordException e) {
            throw new UnparseablePdfException("the PDF is encrypted with a password");
        } catch (IOException e) {
            throw new UnparseablePdfException("the PDF cannot be read (truncated or damaged?): " + e.getMessage());
        }
    }

    private static void checkMagic(byte[] pdf) {
        String head = new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1);
        if (!head.contains("%PDF-")) {
            String start = head.stripLeading();
            String kind = start.regionMatches(true, 0, "<!doctype html", 0, 14) || start.regionMatches(true, 0, "<html", 0, 5)
                    ? "an HTML page" : "not a PDF";
            throw new UnparseablePdfException("the body is " + kind + " (no %PDF- header); starts with '"
                    + Whitespace.normalize(start.substring(0, Math.min(start.length(), 40))) + "'");
        }
    }

    static TeiParser.Structure structure(StyledTextStripper.Document doc) {
        List<StyledTextStripper.Line> lines = doc.lines();
        Map<String, Integer> repeats = new HashMap<>();
        for (StyledTextStripper.Line raw : lines) {
            repeats.merge(runningHeaderKey(raw.text()), 1, Integer::sum);
        }
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        String current = "(front matter)";
        sections.put(current, new StringBuilder());
        Map<String, String> figures = new LinkedHashMap<>();
        Map<String, String> tables = new LinkedHashMap<>();
        List<PaperParsed.AlgorithmBlock> algorithms = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        int numbered = 0;
        int authorYear = 0;
        boolean inReferences = false;
        // title and author lines are bold and spaced like headings: typography counts only after the first paragraph
        int bodyLinesInARow = 0;
        boolean pastFrontMatter = false;
        for (int i = 0; i < lines.size(); i++) {
            StyledTextStripper.Line styled = lines.get(i);
            all.append(styled.text()).append('\n');
            String line = Whitespace.normalize(styled.text());
            // page headers and footers repeat on every page: never headings, never text
            if (line.isEmpty() || repeats.get(runningHeaderKey(styled.text())) >= 3 && line.length() > 3) {
                continue;
            }
            String heading = Headings.byText(line);
            int last = i;
            if (heading == null && pastFrontMatter && Headings.styled(line, styled, doc.bodySize(), doc.bodySpacing())) {
                StringBuilder wrapped = new StringBuilder(line);
                while (last + 1 < lines.size() && Headings.continues(styled, lines.get(last + 1), doc.bodySpacing())) {
                    last++;
                    wrapped.append(' ').append(Whitespace.normalize(lines.get(last).text()));
                }
                heading = wrapped.toString();
            }
            if (heading != null && !sections.containsKey(heading)) {
                current = heading;
                sections.put(current, new StringBuilder());
                inReferences |= REFERENCES_HEADING.matcher(heading).matches();
                for (int j = i + 1; j <= last; j++) {
                    all.append(lines.get(j).text()).append('\n');
                }
                i = last;
                bodyLinesInARow = 0;
                continue;
            }
            boolean body = !styled.bold() && styled.size() == doc.bodySize();
            bodyLinesInARow = body ? bodyLinesInARow + 1 : 0;
            pastFrontMatter |= bodyLinesInARow >= 3;
            Matcher m;
            if ((m = FIGURE.matcher(line)).matches()) {
                figures.putIfAbsent(m.group(2), line);
            } else if ((m = TABLE.matcher(line)).matches()) {
                tables.putIfAbsent(m.group(2), line);
            } else if ((m = ALGORITHM.matcher(line)).matches()) {
                algorithms.add(new PaperParsed.AlgorithmBlock(m.group(1), algorithmBlock(lines, i)));
            }
            if (inReferences) {
                Matcher entry = NUMBERED_ENTRY.matcher(line);
                if (entry.find() && Integer.parseInt(entry.group(1)) == numbered + 1) {
                    numbered++;
                } else if (AUTHOR_YEAR_ENTRY.matcher(line).find()) {
                    authorYear++;
                }
            }
            sections.get(current).append(line).append('\n');
        }
        List<PaperParsed.Section> out = new ArrayList<>();
        sections.forEach((h, t) -> {
            if (!REFERENCES_HEADING.matcher(h).matches() || h.toLowerCase().startsWith("ack")) {
                if (t.length() > 0 || !h.startsWith("(")) {
                    out.add(new PaperParsed.Section(h, t.toString().trim()));
                }
            }
        });
        boolean limitations = out.stream().anyMatch(s -> s.heading().toLowerCase().contains("limitation"));
        boolean appendix = out.stream().anyMatch(s -> s.heading().matches("(?i)(\\S+ )?(appendix|appendices|supplementary).*"));
        return new TeiParser.Structure(NAME, out, List.copyOf(figures.values()), List.copyOf(tables.values()),
                algorithms, numbered > 0 ? numbered : authorYear, CodeLinks.find(all.toString()), limitations, appendix);
    }

    private static String algorithmBlock(List<StyledTextStripper.Line> lines, int start) {
        StringBuilder block = new StringBuilder(Whitespace.normalize(lines.get(start).text()));
        for (int j = start + 1; j < Math.min(lines.size(), start + ALGORITHM_MAX_LINES); j++) {
            String next = Whitespace.normalize(lines.get(j).text());
            if (next.isEmpty() || Headings.byText(next) != null) {
                break;
            }
            block.append('\n').append(next);
        }
        return block.toString();
    }

    private static String runningHeaderKey(String raw) {
        return Whitespace.normalize(raw).replaceAll("\\d+", "#");
    }
}
