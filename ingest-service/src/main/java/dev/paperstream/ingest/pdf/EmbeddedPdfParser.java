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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Full-text structure without GROBID: PDFBox extracts the text and line-based heuristics find
 * numbered and well-known section headings, figure and table captions, "Algorithm N" blocks, the
 * reference list, and code links. Coarser than GROBID, but it needs nothing outside the JVM.
 */
public final class EmbeddedPdfParser {
    public static final String NAME = "embedded pdfbox " + org.apache.pdfbox.util.Version.getVersion();
    private static final Pattern NUMBERED_HEADING = Pattern.compile(
            "^((?:\\d{1,2}|[A-H])(?:\\.\\d{1,2}){0,2})\\.?\\s+([A-Z][\\p{L}\\p{Pd}'’:,&/ ]{2,70})$");
    private static final Pattern ROMAN_HEADING = Pattern.compile("^([IVX]{1,5})\\.\\s+(\\p{Lu}[\\p{Lu}\\d ,:\\-–'’→∞]{2,70})$");
    private static final String KNOWN = "abstract|introduction|related work|background|method(s|ology)?|model"
            + "|experiments?|results|evaluation|discussion|conclusions?|limitations|acknowledge?ments?|references"
            + "|bibliography|literature cited|appendix( [A-Z])?|appendices";
    private static final Pattern KNOWN_HEADING = Pattern.compile("(?i)^(" + KNOWN + ")$");
    private static final Pattern KNOWN_WORD = Pattern.compile("(?i).*\\b(" + KNOWN + ")\\b.*");
    private static final Pattern REFERENCES_HEADING = Pattern.compile(
            "(?i)(\\S+ )?(references|bibliography|literature cited|acknowledge?ments?)");
    private static final Pattern NUMBERED_ENTRY = Pattern.compile("^\\[?(\\d{1,3})[\\].]?\\s+\\S");
    private static final Pattern AUTHOR_YEAR_ENTRY = Pattern.compile("^\\p{Lu}[\\p{L}'’-]+,\\s+\\p{Lu}\\.");
    private static final Pattern FIGURE = Pattern.compile("^(Figure|Fig\\.)\\s*(\\d+)\\s*[:.|]\\s*(.*)$");
    private static final Pattern TABLE = Pattern.compile("^(Table|TABLE)\\s*(\\d+|[IVX]+)\\s*[:.|]\\s*(.*)$");
    private static final Pattern ALGORITHM = Pattern.compile("^(Algorithm\\s+\\d+)\\b.*$");
    private static final int ALGORITHM_MAX_LINES = 25;

    private final int maxPages;

    public EmbeddedPdfParser(int maxPages) {
        this.maxPages = maxPages;
    }

    /** The structure and the page count; an {@link UnparseablePdfException} says why a file cannot be read. */
    public record Result(TeiParser.Structure structure, int pages) {
    }

    public Result parse(byte[] pdf) {
        checkMagic(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new UnparseablePdfException("the PDF is encrypted and does not allow text extraction");
            }
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new UnparseablePdfException("the PDF has no pages");
            }
            if (pages > maxPages) {
                throw new UnparseablePdfException("the PDF has " + pages + " pages, more than the limit of "
                        + maxPages + " (paperstream.fulltext.max-pages)");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            // content-stream order keeps two-column layouts column by column; sorting by position interleaves them
            String text = stripper.getText(doc);
            if (text.replaceAll("\\s", "").length() < 100 * Math.min(pages, 3)) {
                throw new UnparseablePdfException("the PDF has almost no extractable text (" + pages
                        + " pages): image-only or scanned, which the embedded parser cannot read");
            }
            return new Result(structure(text), pages);
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

    static TeiParser.Structure structure(String text) {
        String[] lines = text.split("\\R");
        Map<String, Integer> repeats = new HashMap<>();
        for (String raw : lines) {
            repeats.merge(runningHeaderKey(raw), 1, Integer::sum);
        }
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        String current = "(front matter)";
        sections.put(current, new StringBuilder());
        Map<String, String> figures = new LinkedHashMap<>();
        Map<String, String> tables = new LinkedHashMap<>();
        List<PaperParsed.AlgorithmBlock> algorithms = new ArrayList<>();
        int numbered = 0;
        int authorYear = 0;
        boolean inReferences = false;
        for (int i = 0; i < lines.length; i++) {
            String line = Whitespace.normalize(lines[i]);
            // page headers and footers repeat on every page: never headings, never text
            if (line.isEmpty() || repeats.get(runningHeaderKey(lines[i])) >= 3 && line.length() > 3) {
                continue;
            }
            String heading = heading(line);
            if (heading != null && !sections.containsKey(heading)) {
                current = heading;
                sections.put(current, new StringBuilder());
                inReferences |= REFERENCES_HEADING.matcher(heading).matches();
                continue;
            }
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
                algorithms, numbered > 0 ? numbered : authorYear, CodeLinks.find(text), limitations, appendix);
    }

    private static String algorithmBlock(String[] lines, int start) {
        StringBuilder block = new StringBuilder(Whitespace.normalize(lines[start]));
        for (int j = start + 1; j < Math.min(lines.length, start + ALGORITHM_MAX_LINES); j++) {
            String next = Whitespace.normalize(lines[j]);
            if (next.isEmpty() || heading(next) != null) {
                break;
            }
            block.append('\n').append(next);
        }
        return block.toString();
    }

    private static String runningHeaderKey(String raw) {
        return Whitespace.normalize(raw).replaceAll("\\d+", "#");
    }

    private static String heading(String line) {
        if (line.length() > 80) {
            return null;
        }
        if (KNOWN_HEADING.matcher(line).matches()) {
            return line;
        }
        Matcher roman = ROMAN_HEADING.matcher(line);
        if (roman.matches()) {
            return roman.group(1) + ". " + roman.group(2).trim();
        }
        Matcher m = NUMBERED_HEADING.matcher(line);
        if (m.matches() && !line.endsWith(",") && !line.endsWith("-")) {
            String title = m.group(2).trim();
            int words = title.split(" ").length;
            // a lone word after a number is usually a table row ("3 Eccentric") unless it names a section
            if (words <= 8 && (words >= 2 || KNOWN_WORD.matcher(title).matches())) {
                return m.group(1) + " " + title;
            }
        }
        return null;
    }
}
