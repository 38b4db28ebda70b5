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
