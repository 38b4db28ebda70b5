package dev.paperstream.notes.drafts;

import java.util.Map;

/** Refuses to start on drafting settings that could only fail later, naming the setting. */
final class DraftsSettings {
    private DraftsSettings() {
    }

    static void check(DraftsConfig config) {
        budget("paperstream.drafts.default-daily-token-budget", config.defaultDailyTokenBudget());
        config.defaultEndpoint().ifPresent(name -> known(config, name, "paperstream.drafts.default-endpoint"));
        for (Map.Entry<String, DraftsConfig.TeamDrafting> t : config.teams().entrySet()) {
            String prefix = "paperstream.drafts.teams.\"" + t.getKey() + "\".";
            t.getValue().endpoint().ifPresent(name -> known(config, name, prefix + "endpoint"));
            t.getValue().dailyTokenBudget().ifPresent(b -> budget(prefix + "daily-token-budget", b));
        }
        for (Map.Entry<String, DraftsConfig.Endpoint> e : config.endpoints().entrySet()) {
            String prefix = "paperstream.drafts.endpoints.\"" + e.getKey() + "\".";
            String scheme = e.getValue().baseUrl().getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException(prefix + "base-url must be an http or https URL, not "
                        + e.getValue().baseUrl());
            }
            int max = e.getValue().maxTokens();
            if (max < 100 || max > DraftsConfig.MAX_TOKENS_CEILING) {
                throw new IllegalArgumentException(prefix + "max-tokens must be from 100 to "
                        + DraftsConfig.MAX_TOKENS_CEILING + ", not " + max);
            }
        }
    }

    private static void known(DraftsConfig config, String name, String setting) {
        if (!config.endpoints().containsKey(name)) {
            throw new IllegalArgumentException(setting + " names endpoint '" + name + "', which is not among"
                    + " paperstream.drafts.endpoints " + config.endpoints().keySet());
        }
    }

    private static void budget(String setting, int value) {
        if (value < 1 || value > DraftsConfig.MAX_DAILY_BUDGET) {
            throw new IllegalArgumentException(setting + " must be from 1 to " + DraftsConfig.MAX_DAILY_BUDGET
                    + ", not " + value);
        }
    }
}
