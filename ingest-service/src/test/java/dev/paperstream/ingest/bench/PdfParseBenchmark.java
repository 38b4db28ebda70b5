package dev.paperstream.ingest.bench;

import dev.paperstream.ingest.pdf.EmbeddedPdfParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Embedded (PDFBox) parse time per page over the real PDFs in ../shared/realdata/E-pdfs (or a folder
 * given as argument): each file is parsed 7 times after a warm-up and the median is reported.
 */
public final class PdfParseBenchmark {
    private PdfParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/realdata/E-pdfs");
        if (!Files.isDirectory(folder)) {
            folder = Path.of("../../shared/realdata/E-pdfs");
        }
        List<Path> pdfs;
        try (Stream<Path> files = Files.list(folder)) {
            pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        EmbeddedPdfParser parser = new EmbeddedPdfParser(1000);
        long totalNanos = 0;
        int totalPages = 0;
        for (Path pdf : pdfs) {
            byte[] bytes = Files.readAllBytes(pdf);
            int pages = parser.parse(bytes).pages();
            long[] runs = new long[7];
            for (int i = 0; i < runs.length; i++) {
                long t = System.nanoTime();
                parser.parse(bytes);
                runs[i] = System.nanoTime() - t;
            }
            Arrays.sort(runs);
            long median = runs[runs.length / 2];
            totalNanos += median;
            totalPages += pages;
            System.out.printf("%s: %d pages, median %.1f ms, %.1f ms/page%n", pdf.getFileName(), pages,
                    median / 1e6, median / 1e6 / pages);
        }
        System.out.printf("all: %d pages, %.1f ms/page%n", totalPages, totalNanos / 1e6 / totalPages);
    }
}
