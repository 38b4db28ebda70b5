package dev.paperstream.ingest.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Refuses a decompression bomb before text extraction touches it. PDFBox decodes a stream completely into
 * the heap when it is first read, so a few hundred KB of Flate data can become gigabytes; this check
 * decodes every stream that extraction may read (content streams, forms, fonts, object and xref streams)
 * into a counter, stream by stream, and stops as soon as the document's total passes the limit.
 * Images are not counted: text extraction never decodes them.
 */
final class DecompressedSizeCheck {
    private static final Set<COSName> IMAGE_ONLY_FILTERS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JBIG2_DECODE);

    private final long limit;
    private final ParseDeadline deadline;
    private long total;

    private DecompressedSizeCheck(long limit, ParseDeadline deadline) {
        this.limit = limit;
        this.deadline = deadline;
    }

    /** Throws {@link PdfLimitExceededException} when the document's streams decompress to more than {@code limit} bytes. */
    static void check(COSDocument doc, long limit, ParseDeadline deadline) {
        DecompressedSizeCheck check = new DecompressedSizeCheck(limit, deadline);
        // objects inside object streams cannot be streams themselves: only objects at a file offset are
        for (Map.Entry<COSObjectKey, Long> entry : Map.copyOf(doc.getXrefTable()).entrySet()) {
            deadline.check();
            if (entry.getValue() == null || entry.getValue() <= 0) {
                continue;
            }
            COSBase object = doc.getObjectFromPool(entry.getKey()).getObject();
            if (object instanceof COSStream stream) {
                check.count(stream);
            }
        }
    }

    private void count(COSStream stream) {
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
            return;
        }
        List<COSName> filters = new PDStream(stream).getFilters();
        if (filters.isEmpty() || filters.stream().anyMatch(IMAGE_ONLY_FILTERS::contains)) {
            return;
        }
        try (InputStream raw = stream.createRawInputStream()) {
            InputStream in = raw;
            for (int i = 0; i < filters.size(); i++) {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                if (i == filters.size() - 1) {
                    filter.decode(in, new Counter(), stream, i);
                } else {
                    // chained filters: the intermediate result is bounded by what is left of the budget
                    Buffer buffer = new Buffer();
                    filter.decode(in, buffer, stream, i);
                    in = new ByteArrayInputStream(buffer.toByteArray());
                }
            }
        } catch (IOException e) {
            // a damaged stream: extraction decides whether the document is still readable without it
        }
    }

    private void add(int bytes) {
        deadline.check();
        total += bytes;
        if (total > limit) {
            throw new PdfLimitExceededException(PdfLimitExceededException.Limit.DECOMPRESSED_SIZE,
                    "the PDF's streams decompress to more than the limit of " + limit
                            + " bytes (paperstream.fulltext.max-decompressed-size): a decompression bomb or far "
                            + "larger than a paper");
        }
    }

    private final class Counter extends OutputStream {
        @Override
        public void write(int b) {
            add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            add(len);
        }
    }

    private final class Buffer extends ByteArrayOutputStream {
        @Override
        public synchronized void write(int b) {
            add(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            add(len);
            super.write(b, off, len);
        }
    }
}
