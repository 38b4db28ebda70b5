package dev.paperstream.ingest.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile PDFs are refused quickly, with the limit and its value, without the heap growing by what they
 * would decompress to; a normal PDF parses on the same parser afterwards.
 */
class PdfLimitsTest {
    private static final Duration QUICKLY = Duration.ofSeconds(30);
    private static final long MB = 1024 * 1024;

    final EmbeddedPdfParser parser = new EmbeddedPdfParser(new PdfLimits(300, 100 * MB, Duration.ofSeconds(20), 1));

    @Test
    void tenThousandPagesAreRefusedBeforeAnyTextIsExtracted() {
        byte[] pdf = HostilePdfs.pages(10_000);

        PdfLimitExceededException refusal = refusedQuickly(() -> parser.parse(pdf));

        assertThat(refusal.limit()).isEqualTo(PdfLimitExceededException.Limit.PAGES);
        assertThat(refusal).hasMessageContaining("10000 pages").hasMessageContaining("limit of 300")
                .hasMessageContaining("paperstream.fulltext.max-pages");
        assertANormalPdfStillParses();
    }

    @Test
    void aDecompressionBombIsRefusedWithoutDecompressingIt() {
        byte[] pdf = HostilePdfs.decompressionBomb(200);
        assertThat(pdf.length).isLessThan(2 * (int) MB);

        long heapGrowth = peakHeapGrowth(() -> {
            PdfLimitExceededException refusal = refusedQuickly(() -> parser.parse(pdf));
            assertThat(refusal.limit()).isEqualTo(PdfLimitExceededException.Limit.DECOMPRESSED_SIZE);
            assertThat(refusal).hasMessageContaining("more than the limit of " + 100 * MB + " bytes")
                    .hasMessageContaining("paperstream.fulltext.max-decompressed-size");
        });

        System.out.printf("decompression bomb: %d KB file, heap grew %d MB while refusing it%n", pdf.length / 1024,
                heapGrowth / MB);
        // decoded, the bomb would take 200 MB at once
        assertThat(heapGrowth).isLessThan(120 * MB);
        assertANormalPdfStillParses();
    }

    @Test
    void anImageBombIsNeverDecodedSoItsTextIsRead() {
        byte[] pdf = HostilePdfs.imageBomb(16_384);

        long start = System.nanoTime();
        long heapGrowth = peakHeapGrowth(() -> assertThat(parser.parse(pdf).structure().sections())
                .extracting(s -> s.heading()).contains("1 Introduction", "3 Limitations"));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("image bomb: %d KB file, parsed in %d ms, heap grew %d MB%n", pdf.length / 1024,
                took.toMillis(), heapGrowth / MB);
        assertThat(took).isLessThan(QUICKLY);
        // decoded, the image would take 256 MB and count against the 100 MB decompressed-size limit
        assertThat(heapGrowth).isLessThan(120 * MB);
    }

    @Test
    void aParseOverTheTimeLimitStopsAndFreesItsSlot() {
        EmbeddedPdfParser oneSecond = new EmbeddedPdfParser(new PdfLimits(300, 100 * MB, Duration.ofSeconds(1), 1));
        byte[] pdf = HostilePdfs.slowToExtract(1_000_000);

        long start = System.nanoTime();
        assertThatThrownBy(() -> oneSecond.parse(pdf)).isInstanceOfSatisfying(PdfLimitExceededException.class,
                e -> assertThat(e.limit()).isEqualTo(PdfLimitExceededException.Limit.TIME))
                .hasMessageContaining("longer than the limit of 1 s (paperstream.fulltext.max-parse-time)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

        // one slot only: the abandoned parse stopped itself, or this one would wait and be refused as busy
        assertThat(oneSecond.parse(TestPdfs.paper()).pages()).isEqualTo(1);
    }

    private void assertANormalPdfStillParses() {
        assertThat(parser.parse(TestPdfs.paper()).structure().sections()).extracting(s -> s.heading())
                .contains("1 Introduction");
    }

    private static PdfLimitExceededException refusedQuickly(Runnable parse) {
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            parse.run();
        } catch (PdfLimitExceededException e) {
            thrown = e;
        }
        System.out.printf("refused in %d ms: %s%n", (System.nanoTime() - start) / 1_000_000, thrown);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
        assertThat(thrown).as("refused over a limit").isInstanceOf(PdfLimitExceededException.class);
        return (PdfLimitExceededException) thrown;
    }

    /** The most the heap grew above its use before, while {@code work} ran. */
    private static long peakHeapGrowth(Runnable work) {
        System.gc();
        long before = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                before += pool.getUsage().getUsed();
                pool.resetPeakUsage();
            }
        }
        work.run();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak - before;
    }
}
