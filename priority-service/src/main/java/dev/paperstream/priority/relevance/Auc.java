package dev.paperstream.priority.relevance;

import java.util.List;

/** Area under the ROC curve: the chance that a liked paper is ranked above a disliked one (ties count half). */
public final class Auc {
    private Auc() {
    }

    public static double of(List<Double> scores, List<Boolean> liked) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.size(); i++) {
            if (!liked.get(i)) {
                continue;
            }
            for (int j = 0; j < scores.size(); j++) {
                if (liked.get(j)) {
                    continue;
                }
                pairs++;
                int c = Double.compare(scores.get(i), scores.get(j));
                wins += c > 0 ? 1 : c == 0 ? 0.5 : 0;
            }
        }
        if (pairs == 0) {
            throw new IllegalArgumentException("AUC needs liked and disliked examples");
        }
        return wins / pairs;
    }
}
