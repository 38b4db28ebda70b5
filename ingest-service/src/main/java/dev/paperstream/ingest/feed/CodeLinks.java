package dev.paperstream.ingest.feed;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds code-repository URLs (GitHub, GitLab, Bitbucket, Hugging Face) in free text. */
public final class CodeLinks {
    private static final Pattern URL = Pattern.compile(
            "(?i)(?:https?://)?(?:www\\.)?(github\\.com|gitlab\\.com|bitbucket\\.org|huggingface\\.co)"
                    + "/[^\\s<>\"'(){}\\[\\],;]+");

    private CodeLinks() {
    }

    /** The distinct repository URLs in order of appearance, as https URLs without trailing punctuation. */
    public static List<String> find(String... texts) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || !mayHaveHost(text)) {
                continue;
            }
            Matcher m = URL.matcher(text);
            while (m.find()) {
                String path = m.group().replaceFirst("(?i)^(?:https?://)?(?:www\\.)?", "");
                // a sentence that ends with a URL leaves its full stop on the match
                path = path.replaceAll("[.:!?]+$", "");
                String host = path.substring(0, path.indexOf('/')).toLowerCase();
                String rest = path.substring(path.indexOf('/'));
                if (rest.length() > 1) {
                    found.add("https://" + host + rest);
                }
            }
        }
        return List.copyOf(found);
    }

    // the regex costs more than the rest of a snapshot record together; every host has ".com", ".org" or ".co"
    private static boolean mayHaveHost(String text) {
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (text.regionMatches(true, dot + 1, "co", 0, 2) || text.regionMatches(true, dot + 1, "org", 0, 3)) {
                return true;
            }
        }
        return false;
    }
}
