package dev.paperstream.priority.relevance;

import dev.paperstream.priority.relevance.TfIdf.SparseVector;

/** The features of one paper that pushed a linear model's score up the most, for the reason line. */
public final class Contributions {
    private static final int SHOWN = 3;

    private Contributions() {
    }

    /**
     * E.g. "kernel +0.41, speedup +0.33"; empty when nothing pushed up. Only word features are named: features past
     * the vocabulary (an appended embedding) have no word.
     */
    public static String strongest(LogisticRegression model, TfIdf features, SparseVector x) {
        int[] top = new int[SHOWN];
        double[] push = new double[SHOWN];
        int filled = 0;
        for (int k = 0; k < x.index().length && x.index()[k] < features.dimension(); k++) {
            double c = model.weight(x.index()[k]) * x.value()[k];
            if (c <= 0 || (filled == SHOWN && c <= push[SHOWN - 1])) {
                continue;
            }
            int slot = Math.min(filled, SHOWN - 1);
            while (slot > 0 && push[slot - 1] < c) {
                top[slot] = top[slot - 1];
                push[slot] = push[slot - 1];
                slot--;
            }
            top[slot] = x.index()[k];
            push[slot] = c;
            filled = Math.min(SHOWN, filled + 1);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < filled; i++) {
            s.append(i == 0 ? "" : ", ").append(features.term(top[i])).append(" +").append(twoDecimals(push[i]));
        }
        return s.toString();
    }

    /** 0.4137 as "0.41", without the cost of String.format on the scoring path. */
    public static String twoDecimals(double value) {
        long hundredths = Math.round(Math.abs(value) * 100);
        String digits = (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
        return (value < 0 && hundredths > 0 ? "-" : "") + hundredths / 100 + "." + digits;
    }
}
