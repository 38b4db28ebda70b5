package dev.paperstream.ingest.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs written by the tests themselves: a small paper, an encrypted one, one without text, a long one. */
public final class TestPdfs {
    private TestPdfs() {
    }

    public static final List<String> PAPER = List.of(
            "Tiled Attention with Online Softmax",
            "Abstract",
            "We fuse attention into one kernel that never materialises the score matrix. Code is released at",
            "https://github.com/paperstream-fixtures/tiled-attention and runs on any recent GPU without changes.",
            "1 Introduction",
            "Attention is quadratic in memory, which limits the context length that fits on one device [1].",
            "We show that tiling keys and values with a running maximum keeps the result exact and fast.",
            "2 Tiled Forward Pass",
            "Algorithm 1 Tiled attention forward",
            "for each block j do",
            "S = Q K_j^T; m = max(m, rowmax(S)); O = rescale(O) + P V_j",
            "end for",
            "",
            "Figure 1: Speed-up over naive attention for sequence lengths 1k to 16k.",
            "Table 1: Runtime in milliseconds on one GPU.",
            "3 Limitations",
            "Backward passes are not covered by this note and are left to future work entirely.",
            "References",
            "[1] A. Vaswani et al. Attention is all you need. NeurIPS 2017.",
            "[2] T. Dao et al. FlashAttention. NeurIPS 2022.");

    /** A line of {@link #styledPaper}: bold or not, and the distance from the previous baseline. */
    public record Line(String text, boolean bold, float size, float gap) {
        static Line body(String text) {
            return new Line(text, false, 9, 12);
        }
    }

    /** Unnumbered headings that only their typography gives away, and bold lines that are not headings. */
    public static final List<Line> STYLED = List.of(
            new Line("Learning Rates Without Tuning", true, 16, 0),
            new Line("Ada Example and Bo Example", true, 10, 30),
            Line.body("Schedules matter. We compare step, cosine and linear decay of the learning rate on five"),
            Line.body("tasks and find that warm restarts recover most of the tuning budget for little cost, while"),
            Line.body("the linear decay is the most robust choice when the number of steps is not known ahead."),
            new Line("Warm Restarts", true, 9, 26),
            Line.body("A restart raises the rate back to its peak value and decays it again over a longer cycle."),
            new Line("Method Accuracy Runtime", true, 9, 12),
            Line.body("Cosine 91.2 3.1"),
            Line.body("Linear 90.8 3.0"),
            new Line("Keywords", true, 9, 26),
            Line.body("learning rate, schedules, warm restarts"),
            new Line("Why Cosine Schedules Work on", true, 9, 26),
            new Line("Large Batches", true, 9, 12),
            Line.body("The slow start and the slow end of the cosine both protect a large batch from divergence."),
            new Line("Proof.", true, 9, 26),
            Line.body("It follows from the bound on the gradient norm in each cycle, as shown in the appendix."));

    public static byte[] styledPaper() {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.newLineAtOffset(40, 740);
                for (Line line : STYLED) {
                    cs.newLineAtOffset(0, -line.gap());
                    cs.setFont(line.bold() ? bold : regular, line.size());
                    cs.showText(line.text());
                }
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] paper() {
        return write(List.of(PAPER), null);
    }

    public static byte[] pages(int count) {
        return write(java.util.Collections.nCopies(count, PAPER), null);
    }

    public static byte[] encrypted() {
        return write(List.of(PAPER), "user-secret");
    }

    public static byte[] withoutText() {
        return write(List.of(List.of()), null);
    }

    private static byte[] write(List<List<String>> pages, String userPassword) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.setLeading(13);
                    cs.newLineAtOffset(40, 740);
                    for (String line : lines) {
                        cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
