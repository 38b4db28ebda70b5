package dev.paperstream.priority.semantic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds a paper's title and abstract with all-MiniLM-L6-v2 (quantized ONNX, shipped inside its Maven
 * artifact, so nothing is fetched at run time) into 384 floats of unit length, whose dot product is the
 * cosine similarity. The model is loaded once per JVM, on first use (about a second), never at start-up.
 */
public final class PaperEmbedder {
    public static final String MODEL = "all-MiniLM-L6-v2-q";
    public static final int DIMENSIONS = 384;

    private PaperEmbedder() {
    }

    // The holder idiom loads the model on first use, once, thread-safely. The direct executor keeps a batch
    // on the calling thread: the library would otherwise start a pool with a thread per core.
    private static final class Model {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    }

    /** Loads the model now if it is not loaded yet; answers how long that took (0 when it already was). */
    public static long loadMillis() {
        long start = System.nanoTime();
        EmbeddingModel loaded = Model.INSTANCE;
        return loaded == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    }

    /** The text that is embedded: title, then abstract (the model reads at most 256 word pieces of it). */
    public static String text(String title, String abstractText) {
        String t = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        String a = abstractText == null ? "" : abstractText.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? a : a.isEmpty() ? t : t + ". " + a;
    }

    public static float[] embed(String text) {
        return normalized(Model.INSTANCE.embed(text.isBlank() ? "(empty)" : text).content().vector());
    }

    public static List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "(empty)" : t)).toList();
        List<Embedding> embedded = Model.INSTANCE.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embedded.size());
        for (Embedding e : embedded) {
            out.add(normalized(e.vector()));
        }
        return out;
    }

    /** Cosine similarity of two unit vectors. */
    public static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}
