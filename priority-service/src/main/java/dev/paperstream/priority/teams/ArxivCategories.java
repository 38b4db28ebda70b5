package dev.paperstream.priority.teams;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** arXiv's category taxonomy, so that a profile naming a category that does not exist is rejected. */
public final class ArxivCategories {
    private static final Set<String> KNOWN = load();

    private ArxivCategories() {
    }

    public static boolean isKnown(String category) {
        return KNOWN.contains(category);
    }

    /** True when the paper is in the category, or in an archive ("cs") the profile names. */
    public static boolean anyMatch(Collection<String> profileCategories, Collection<String> paperCategories) {
        for (String paper : paperCategories) {
            if (profileCategories.contains(paper)) {
                return true;
            }
            int dot = paper.indexOf('.');
            if (dot > 0 && profileCategories.contains(paper.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> known = new HashSet<>();
        try (InputStream in = ArxivCategories.class.getResourceAsStream("/arxiv-categories.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    for (String c : line.trim().split("\\s+")) {
                        if (!c.isEmpty()) {
                            known.add(c);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(known);
    }
}
