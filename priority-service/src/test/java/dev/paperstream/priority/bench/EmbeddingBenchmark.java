package dev.paperstream.priority.bench;

import dev.paperstream.priority.bench.RealRecords.Paper;
import dev.paperstream.priority.semantic.PaperEmbedder;
import dev.paperstream.priority.semantic.VectorIndex;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Prints how fast papers are embedded on this machine (all-MiniLM-L6-v2 quantized, one thread calling, as the
 * worker does): model load time, papers/s and ms per paper (p50, p95) one at a time and in batches of 32, the
 * heap; and the time of one exact cosine search over an in-process index of {@code index-papers} random unit
 * vectors (a year of arXiv is ~250,000). Texts are the real records of ../shared/realdata, cycled. The machine
 * is shared: the load average is printed with the numbers. Run with the command in the module's README.
 */
public final class EmbeddingBenchmark {

    public static void main(String[] args) {
        int papers = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int indexPapers = args.length > 1 ? Integer.parseInt(args[1]) : 250_000;
        List<Paper> real = RealRecords.load(RealRecords.folder().orElseThrow(() -> new IllegalStateException(
                "no ../shared/realdata here; give -Dpaperstream.realdata.dir=..."))).papers();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < papers; i++) {
            Paper p = real.get(i % real.size());
            // a different text each time, in case anything below caches
            texts.add(PaperEmbedder.text(p.title() + (i < real.size() ? "" : " (" + i + ")"), p.abstractText()));
        }
        System.out.printf("load average before: %s; %d cores; max heap %d MiB%n", load(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("model load: %d ms%n", PaperEmbedder.loadMillis());
        PaperEmbedder.embedAll(texts.subList(0, Math.min(20, papers))); // warm-up

        double[] ms = new double[papers];
        long start = System.nanoTime();
        for (int i = 0; i < papers; i++) {
            long t = System.nanoTime();
            PaperEmbedder.embed(texts.get(i));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        double oneByOne = papers / ((System.nanoTime() - start) / 1e9);
        Arrays.sort(ms);
        System.out.printf("one at a time: %.1f papers/s, %.1f ms per paper p50, %.1f ms p95 (%d papers)%n", oneByOne,
                ms[papers / 2], ms[(int) (papers * 0.95)], papers);

        start = System.nanoTime();
        for (int i = 0; i < papers; i += 32) {
            PaperEmbedder.embedAll(texts.subList(i, Math.min(papers, i + 32)));
        }
        System.out.printf("batches of 32: %.1f papers/s%n", papers / ((System.nanoTime() - start) / 1e9));
        System.out.printf("heap used after embedding: %d MiB (after GC); load average: %s%n", heapAfterGc(), load());

        long before = heapAfterGc();
        Random random = new Random(7);
        VectorIndex index = new VectorIndex(PaperEmbedder.DIMENSIONS, indexPapers);
        start = System.nanoTime();
        for (int i = 0; i < indexPapers; i++) {
            index.put("p" + i, i, randomUnit(random));
        }
        long filled = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("index of %d papers: filled in %d ms, %d MiB of heap (%d bytes per paper)%n", indexPapers,
                filled, (heapAfterGc() - before), ((heapAfterGc() - before) << 20) / indexPapers);
        double[] search = new double[30];
        for (int q = 0; q < search.length + 5; q++) {
            float[] query = randomUnit(random);
            long t = System.nanoTime();
            index.nearest(query, 10, id -> true);
            if (q >= 5) { // the first five warm up the JIT
                search[q - 5] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(search);
        System.out.printf("exact cosine search, k=10 over %d papers: %.1f ms p50, %.1f ms p95; load average: %s%n",
                indexPapers, search[search.length / 2], search[(int) (search.length * 0.95)], load());
    }

    private static float[] randomUnit(Random random) {
        float[] v = new float[PaperEmbedder.DIMENSIONS];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
