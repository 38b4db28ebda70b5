package dev.paperstream.kernel.bench;

import java.util.List;

/**
 * A request bound to a device: the variants and shapes that device will run, and why it differs from
 * what was asked (a CPU fallback, say), or null.
 */
public record Plan(Backend backend, List<String> variants, List<Shape> shapes, String deviceNote) {

    public int steps() {
        return variants.size() * shapes.size();
    }
}
