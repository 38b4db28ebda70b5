package dev.paperstream.ingest.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** PDFs built to cost a parser too much, written by the tests in a second or two, a few hundred KB each. */
public final class HostilePdfs {
    private HostilePdfs() {
    }

    /** Empty 10-point pages. */
    public static byte[] pages(int count) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                doc.addPage(new PDPage(new PDRectangle(10, 10)));
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page whose content stream is {@code megabytes} MB of zeros, Flate-compressed. */
    public static byte[] decompressionBomb(int megabytes) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            COSStream content = doc.getDocument().createCOSStream();
            zerosDeflated(content, megabytes * 1024L * 1024);
            page.setContents(new PDStream(content));
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test paper's text with, drawn on the same page, a {@code side} x {@code side} grey image of zeros,
     * Flate-compressed: decoded it takes side² bytes.
     */
    public static byte[] imageBomb(int side) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            COSStream pixels = doc.getDocument().createCOSStream();
            pixels.setItem(COSName.TYPE, COSName.XOBJECT);
            pixels.setItem(COSName.SUBTYPE, COSName.IMAGE);
            pixels.setInt(COSName.WIDTH, side);
            pixels.setInt(COSName.HEIGHT, side);
            pixels.setInt(COSName.BITS_PER_COMPONENT, 8);
            pixels.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            zerosDeflated(pixels, (long) side * side);
            PDImageXObject image = new PDImageXObject(new PDStream(pixels), null);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, 100, 100);
                writeLines(cs, TestPdfs.PAPER);
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One page of {@code operators} text-showing operators, Flate-compressed: each is cheap, together they
     * keep a parser busy for many seconds.
     */
    public static byte[] slowToExtract(int operators) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                writeLines(cs, TestPdfs.PAPER);
            }
            String font = page.getResources().getFontNames().iterator().next().getName();
            COSStream content = doc.getDocument().createCOSStream();
            byte[] op = ("BT /" + font + " 9 Tf 40 40 Td (a) Tj ET\n").getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = new DeflaterOutputStream(content.createRawOutputStream(), new Deflater(1), 1 << 16)) {
                for (int i = 0; i < operators; i++) {
                    out.write(op);
                }
            }
            content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            COSArray contents = new COSArray();
            contents.add(page.getCOSObject().getDictionaryObject(COSName.CONTENTS));
            contents.add(content);
            page.getCOSObject().setItem(COSName.CONTENTS, contents);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLines(PDPageContentStream cs, Iterable<String> lines) throws IOException {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
        cs.setLeading(13);
        cs.newLineAtOffset(40, 740);
        for (String line : lines) {
            cs.showText(line);
            cs.newLine();
        }
        cs.endText();
    }

    private static void zerosDeflated(COSStream stream, long bytes) throws IOException {
        byte[] zeros = new byte[1 << 20];
        try (OutputStream out = new DeflaterOutputStream(stream.createRawOutputStream(),
                new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (long left = bytes; left > 0; left -= zeros.length) {
                out.write(zeros, 0, (int) Math.min(left, zeros.length));
            }
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
