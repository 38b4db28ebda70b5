package dev.paperstream.ingest.fulltext;

import dev.paperstream.ingest.arxiv.ArxivClient;
import dev.paperstream.ingest.arxiv.ArxivConfig;
import dev.paperstream.ingest.arxiv.ArxivResponse;
import dev.paperstream.ingest.pdf.UnparseablePdfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Downloads a paper's PDF from the configured arXiv PDF host only (the polite client follows no
 * redirects, so a redirect elsewhere is an error), refuses bodies over the size limit, and keeps
 * PDFs in a local cache capped in size, oldest evicted first. PDFs are cached for parsing only.
 */
@ApplicationScoped
public class PdfFetcher {
    private final ArxivClient client;
    private final ArxivConfig arxiv;
    private final FullTextConfig config;

    public PdfFetcher(ArxivClient client, ArxivConfig arxiv, FullTextConfig config) {
        this.client = client;
        this.arxiv = arxiv;
        this.config = config;
    }

    public byte[] fetch(String id, int version) {
        Path cached = config.cacheDir().resolve(id.replace('/', '_') + "v" + version + ".pdf");
        try {
            if (Files.isRegularFile(cached)) {
                return Files.readAllBytes(cached);
            }
            URI uri = URI.create(arxiv.pdfUrl() + "/" + id + "v" + version);
            ArxivResponse response = client.get(uri);
            if (response.status() >= 300 && response.status() < 400) {
                throw new UnparseablePdfException("arXiv redirected " + uri + " elsewhere; redirects are not followed");
            }
            if (response.status() != 200) {
                throw new UnparseablePdfException("arXiv answered " + response.status() + " for " + uri);
            }
            if (response.body().length > config.maxBodySize().asLongValue()) {
                throw new UnparseablePdfException("the PDF at " + uri + " has " + response.body().length
                        + " bytes, more than paperstream.fulltext.max-body-size");
            }
            store(cached, response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF cache at " + config.cacheDir() + ": " + e.getMessage(), e);
        }
    }

    private void store(Path target, byte[] pdf) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "download", ".part");
        Files.write(tmp, pdf);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        evict();
    }

    private void evict() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(config.cacheDir())) {
            files = s.filter(p -> p.toString().endsWith(".pdf"))
                    .sorted(Comparator.comparing(PdfFetcher::modified)).toList();
        }
        long total = 0;
        for (Path p : files) {
            total += Files.size(p);
        }
        for (Path p : files) {
            if (total <= config.cacheMaxSize().asLongValue()) {
                return;
            }
            total -= Files.size(p);
            Files.deleteIfExists(p);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
