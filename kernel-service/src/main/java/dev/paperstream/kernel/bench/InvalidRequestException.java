package dev.paperstream.kernel.bench;

import java.util.List;

/** A job request that cannot run: each problem says what is wrong. */
public class InvalidRequestException extends RuntimeException {
    private final List<String> problems;

    public InvalidRequestException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
