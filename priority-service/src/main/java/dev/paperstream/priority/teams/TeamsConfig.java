package dev.paperstream.priority.teams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The team every paper is scored for, and the keywords of its cold-start relevance. */
@ConfigMapping(prefix = "paperstream.teams")
public interface TeamsConfig {
    @WithDefault("default")
    String defaultTeam();

    @WithDefault("attention,transformer,flashattention,kernel,gpu,cuda,inference,training,llm,language model,"
            + "quantization,memory,throughput,latency,sparse,mixture of experts,efficient")
    List<String> defaultKeywords();
}
