package dev.paperstream.ingest.pdf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which lines of a paper are section headings: numbered ({@code 2.1 Title}), roman ({@code IV. TITLE})
 * and well-known names by their text alone, and unnumbered headings by their typography (see
 * {@link #styled}).
 */
final class Headings {
    // a letter needs its full stop ("A. Ordered Phase"): without one it is a title or a sentence ("A Mixed Strategy")
    private static final Pattern NUMBERED = Pattern.compile(
            "^(?:(\\d{1,2}(?:\\.\\d{1,2}){0,2})\\.?|([A-H])\\.)\\s+([A-Z][\\p{L}\\p{Pd}'’:,&/ ]{2,70})$");
    private static final Pattern ROMAN = Pattern.compile("^([IVX]{1,5})\\.\\s+(\\p{Lu}[\\p{Lu}\\d ,:\\-–'’→∞]{2,70})$");
    static final String KNOWN_NAMES = "abstract|introduction|related work|background|method(s|ology)?|model"
            + "|experiments?|results|evaluation|discussion|conclusions?|limitations|acknowledge?ments?|references"
            + "|bibliography|literature cited|appendix( [A-Z])?|appendices";
    private static final Pattern KNOWN = Pattern.compile("(?i)^(" + KNOWN_NAMES + ")$");
    private static final Pattern KNOWN_WORD = Pattern.compile("(?i).*\\b(" + KNOWN_NAMES + ")\\b.*");
    // labels that are set like headings but head no section
    private static final Pattern NOT_A_SECTION = Pattern.compile(
            "(?i)^(keywords?|key ?words|index terms|corresponding author|(figure|fig\\.|table|algorithm)\\s*\\d.*)$");
    private static final Pattern STYLED_TEXT = Pattern.compile("^\\p{Lu}[\\p{L}\\d\\p{Pd}'’:,&/() ]{2,79}$");
    private static final int STYLED_MAX_WORDS = 10;

    private Headings() {
    }

    /** The heading the line's text alone makes (normalised), or null. */
    static String byText(String line) {
        if (line.length() > 80) {
            return null;
        }
        if (KNOWN.matcher(line).matches()) {
            return line;
        }
        Matcher roman = ROMAN.matcher(line);
        if (roman.matches()) {
            return roman.group(1) + ". " + roman.group(2).trim();
        }
        Matcher m = NUMBERED.matcher(line);
        if (m.matches() && !line.endsWith(",") && !line.endsWith("-")) {
            String title = m.group(3).trim();
            int words = title.split(" ").length;
            // a lone word after a number is usually a table row ("3 Eccentric") unless it names a section
            if (words <= 8 && (words >= 2 || KNOWN_WORD.matcher(title).matches())) {
                return (m.group(1) != null ? m.group(1) : m.group(2)) + " " + title;
            }
        }
        return null;
    }

    /**
     * Whether a line without a number is a heading by its typography: set entirely in bold in a
     * document whose body text is not bold, with more space above it than between body lines (bold
     * table headers and run-in bold phrases sit at the normal spacing), short, starting with a capital
     * and not ending like a sentence or a label ({@code .}, {@code :}, {@code ,}), and not set like a title.
     */
    static boolean styled(String line, StyledTextStripper.Line style, float bodySize, float bodySpacing) {
        // a paper's title is set far larger than its headings, and can follow a first paragraph (a journal's masthead)
        if (!style.bold() || style.size() > 1.5f * bodySize || !STYLED_TEXT.matcher(line).matches() || NOT_A_SECTION.matcher(line).matches()
                || line.endsWith(",") || line.endsWith(":") || line.split(" ").length > STYLED_MAX_WORDS) {
            return false;
        }
        float gap = style.gapAbove();
        // a heading at the top of the next column follows the bottom of the previous one: a large jump back up
        return gap >= 1.4f * bodySpacing || gap <= -5 * bodySpacing;
    }

    /** Whether the next line continues a styled heading that wrapped: bold, same size, at the normal line spacing. */
    static boolean continues(StyledTextStripper.Line heading, StyledTextStripper.Line next, float bodySpacing) {
        String t = next.text().trim();
        return next.bold() && next.size() == heading.size() && next.gapAbove() > 0
                && next.gapAbove() <= 1.3f * Math.max(bodySpacing, heading.size()) && !t.isEmpty()
                && !t.endsWith(".") && t.length() <= 60;
    }
}
