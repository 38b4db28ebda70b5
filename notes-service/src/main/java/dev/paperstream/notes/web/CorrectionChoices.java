package dev.paperstream.notes.web;

import dev.paperstream.events.PaperType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/** What the paper page's correction form offers ({@code inject:paperTypes} in the template). */
@Named("paperTypes")
@ApplicationScoped
public class CorrectionChoices {
    public List<String> all() {
        return List.of(PaperType.values()).stream().map(Enum::name).toList();
    }

    public List<Integer> relevances() {
        return List.of(1, 2, 3, 4, 5);
    }
}
