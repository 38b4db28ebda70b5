package dev.paperstream.priority.scoring;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a paper has released code: a code link from ingest, or a repository link (GitHub,
 * GitLab, Bitbucket, Hugging Face) or a link introduced as code / project page in the abstract,
 * comment or full text. A link in a sentence that only promises code ("code will be released at
 * ...") is not code.
 */
public final class CodeDetector {
    private static final Pattern REPOSITORY = Pattern.compile(
            "(?i)\\b(?:https?://)?(?:www\\.)?((?:github\\.com|gitlab\\.com|bitbucket\\.org|huggingface\\.co|hf\\.co)"
                    + "/[A-Za-z0-9_.~-]+(?:/[A-Za-z0-9_.~-]+)?)");
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://([^\\s)\\]}>,;\"']+)");
    private static final Pattern INTRODUCES_CODE = Pattern.compile(
            "(?i)\\b(?:code|implementation|project page|project website|source)\\b[^.]{0,40}$");
    private static final Pattern PROMISE = Pattern.compile(
            "(?i)\\b(?:will be|to be (?:released|made|published|open)|would be|upon|after (?:the )?(?:review|publication|acceptance)|coming soon|soon)\\b");

    private CodeDetector() {
    }

    /** Evidence of code, e.g. "github.com/x/y found in abstract", or none. */
    public record CodeEvidence(boolean found, String description) {
        static CodeEvidence none() {
            return new CodeEvidence(false, "no code link found");
        }
    }

    public static CodeEvidence detect(List<String> codeLinks, String abstractText, String comment,
            List<String> fullTextLinks) {
        for (String link : codeLinks) {
            if (link != null && !link.isBlank()) {
                return new CodeEvidence(true, shorten(link) + " found in links");
            }
        }
        String inComment = inText(comment);
        if (inComment != null) {
            return new CodeEvidence(true, inComment + " found in comment");
        }
        String inAbstract = inText(abstractText);
        if (inAbstract != null) {
            return new CodeEvidence(true, inAbstract + " found in abstract");
        }
        for (String link : fullTextLinks) {
            String inFullText = inText(link);
            if (inFullText != null) {
                return new CodeEvidence(true, inFullText + " found in full text");
            }
        }
        return CodeEvidence.none();
    }

    /** The first link in the text that counts as code, or null. */
    static String inText(String text) {
        if (text == null || text.indexOf('/') < 0) {
            // every repository path and URL has a slash: most abstracts are done here, without a regex
            return null;
        }
        Matcher repo = REPOSITORY.matcher(text);
        while (repo.find()) {
            if (!promisedOnly(text, repo.start())) {
                return trim(repo.group(1));
            }
        }
        Matcher url = URL.matcher(text);
        while (url.find()) {
            String before = sentenceBefore(text, url.start());
            if (INTRODUCES_CODE.matcher(before).find() && !PROMISE.matcher(before).find()) {
                return trim(url.group(1));
            }
        }
        return null;
    }

    private static boolean promisedOnly(String text, int linkStart) {
        return PROMISE.matcher(sentenceBefore(text, linkStart)).find();
    }

    private static String sentenceBefore(String text, int end) {
        int start = Math.max(text.lastIndexOf(". ", end), Math.max(text.lastIndexOf(';', end), text.lastIndexOf('\n', end)));
        return text.substring(start < 0 ? 0 : start + 1, end);
    }

    private static String shorten(String link) {
        String s = link.trim().replaceFirst("(?i)^https?://(www\\.)?", "");
        return trim(s);
    }

    private static String trim(String link) {
        String s = link;
        while (!s.isEmpty() && ".:/".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT).startsWith("hf.co/") ? "huggingface.co/" + s.substring(6) : s;
    }
}
