package dev.paperstream.notes.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The web UI's pages; templates under {@code templates/}. Qute escapes every value in HTML. */
@CheckedTemplate(requireTypeSafeExpressions = false)
public final class Templates {
    private Templates() {
    }

    public static native TemplateInstance signIn(Viewer viewer, String error, String provider);

    public static native TemplateInstance inbox(Viewer viewer, InboxView view);

    public static native TemplateInstance paper(Viewer viewer, PaperView view);

    public static native TemplateInstance team(Viewer viewer, TeamPage.TeamView view);
}
