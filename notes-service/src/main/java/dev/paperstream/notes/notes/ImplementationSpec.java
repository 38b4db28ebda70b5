package dev.paperstream.notes.notes;

import java.util.List;
import java.util.Map;

/**
 * The implementation spec of one algorithm of a paper, in the seed's shape: the algorithm's text, the paper's
 * hyper-parameters as {@code key -> value}, what data and compute it needs and what to watch out for.
 */
public record ImplementationSpec(
        String name,
        String coreAlgorithm,
        Map<String, String> hyperparameters,
        List<String> dataRequirements,
        List<String> computeRequirements,
        List<String> watchOutFor) {
}
