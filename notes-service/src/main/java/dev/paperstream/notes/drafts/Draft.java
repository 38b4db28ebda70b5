package dev.paperstream.notes.drafts;

import java.util.List;

/**
 * What a draft request did: the fields the model's text now fills as unconfirmed suggestions, the fields left
 * alone because a person wrote them, and what it cost the team today.
 */
public record Draft(String paperId, String kind, String team, String endpoint, String model, List<String> drafted,
        List<String> keptPersonText, int promptTokens, int completionTokens, long spentToday, long dailyBudget) {
}
