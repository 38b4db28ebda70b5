package dev.paperstream.ingest.pdf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox text in content-stream order, line by line, with what the text alone loses: each line's
 * dominant font size, whether it is set in bold, and the space above it. Headings without a number
 * are recognisable only by these.
 */
final class StyledTextStripper extends PDFTextStripper {
    /** One line of text; {@code gapAbove} is the distance from the previous line's baseline (NaN: none on the page). */
    record Line(String text, float size, boolean bold, float gapAbove) {
    }

    /** The lines of the document and its body text's font size and line spacing (most characters). */
    record Document(List<Line> lines, float bodySize, float bodySpacing) {
    }

    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, LineStyle> styles = new HashMap<>();
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();
    private final Map<Float, Integer> charsPerSize = new HashMap<>();
    private int lineIndex;

    private static final class LineStyle {
        final Map<Float, Integer> charsPerSize = new HashMap<>();
        int chars;
        int boldChars;
        float baseline = Float.NaN;
        int page;
    }

    private final ParseDeadline deadline;

    StyledTextStripper(ParseDeadline deadline) throws IOException {
        this.deadline = deadline;
        setLineSeparator("\n");
    }

    /** Every operator checks the deadline: a page of millions of operators stops when the time is up. */
    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        deadline.check();
        super.processOperator(operator, operands);
    }

    Document read(PDDocument doc) throws IOException {
        writeText(doc, new Writer() {
            @Override
            public void write(char[] buffer, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (buffer[i] == '\n') {
                        lineIndex++;
                    }
                }
                text.append(buffer, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        String[] raw = text.toString().split("\n", -1);
        List<Line> lines = new ArrayList<>(raw.length);
        Map<Float, Integer> spacings = new HashMap<>();
        float bodySize = mostCommon(charsPerSize);
        LineStyle previous = null;
        for (int i = 0; i < raw.length; i++) {
            LineStyle s = styles.get(i);
            if (s == null) {
                lines.add(new Line(raw[i], Float.NaN, false, Float.NaN));
                continue;
            }
            float size = mostCommon(s.charsPerSize);
            float gap = previous != null && previous.page == s.page ? s.baseline - previous.baseline : Float.NaN;
            if (size == bodySize && gap > 0 && mostCommon(previous.charsPerSize) == bodySize) {
                spacings.merge(Math.round(gap * 2) / 2f, 1, Integer::sum);
            }
            lines.add(new Line(raw[i], size, s.boldChars * 10 >= s.chars * 9, gap));
            previous = s;
        }
        return new Document(lines, bodySize, mostCommon(spacings));
    }

    @Override
    protected void writeString(String string, List<TextPosition> positions) throws IOException {
        LineStyle style = styles.computeIfAbsent(lineIndex, i -> new LineStyle());
        for (TextPosition p : positions) {
            if (p.getUnicode() == null || p.getUnicode().isBlank()) {
                continue;
            }
            // half-point steps: sizes of one font differ in the last decimals from glyph to glyph
            float size = Math.round(p.getFontSizeInPt() * 2) / 2f;
            style.charsPerSize.merge(size, 1, Integer::sum);
            charsPerSize.merge(size, 1, Integer::sum);
            style.chars++;
            if (isBold(p.getFont())) {
                style.boldChars++;
            }
            if (Float.isNaN(style.baseline)) {
                style.baseline = p.getYDirAdj();
                style.page = getCurrentPageNo();
            }
        }
        super.writeString(string, positions);
    }

    private boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        return boldFonts.computeIfAbsent(font, f -> {
            String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
            name = name.substring(name.indexOf('+') + 1);
            // Type 1 and TrueType names (Times-Bold, NimbusRomNo9L-Medi, Arial,Bold) and TeX's CMBX / SFBX
            if (name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("demi")
                    || name.endsWith("-medi") || name.endsWith(",b") || name.startsWith("cmbx")
                    || name.startsWith("sfbx") || name.startsWith("cmb1")) {
                return true;
            }
            PDFontDescriptor d = f.getFontDescriptor();
            return d != null && (d.isForceBold() || d.getFontWeight() >= 600);
        });
    }

    private static float mostCommon(Map<Float, Integer> counts) {
        float best = Float.NaN;
        int bestCount = 0;
        for (Map.Entry<Float, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
