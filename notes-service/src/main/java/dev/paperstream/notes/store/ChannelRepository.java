package dev.paperstream.notes.store;

import dev.paperstream.notes.channels.Channel;
import dev.paperstream.notes.channels.WebhookSignature;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each team's notification channels ({@code team_channel}). Signing secrets are generated here and answered only
 * by the call that made them; a removed channel's pending deliveries are cancelled in the same transaction.
 */
@ApplicationScoped
public class ChannelRepository implements PanacheRepositoryBase<TeamChannelEntity, TeamChannelEntity.Key> {

    @Transactional
    public List<Channel> forTeam(String team) {
        return list("team", Sort.by("kind").and("target"), team).stream()
                .map(ch -> new Channel(ch.kind, ch.target, ch.secret)).toList();
    }

    @Transactional
    public Optional<Channel> find(String team, String channelId) {
        return forTeam(team).stream().filter(ch -> ch.id().equals(channelId)).findFirst();
    }

    /**
     * Makes the team's channels these: channels that stay keep their secret and their pending deliveries, removed
     * ones are cancelled, new ones get a secret. Answers the new channels, with their secrets.
     */
    @Transactional
    public List<Channel> replace(String team, List<Channel> channels) {
        Set<String> wanted = channels.stream().map(Channel::id).collect(Collectors.toSet());
        for (Channel old : forTeam(team)) {
            if (!wanted.contains(old.id())) {
                remove(team, old.kind(), old.target());
            }
        }
        List<Channel> created = new ArrayList<>();
        for (Channel ch : channels) {
            add(team, ch).ifPresent(created::add);
        }
        return created;
    }

    /**
     * Adds a channel with a new secret if it is signed; empty when the team has it already (it keeps its secret).
     * The insert skips a channel that is there, so that two editors adding the same one both succeed.
     */
    @Transactional
    public Optional<Channel> add(String team, Channel channel) {
        Channel stored = new Channel(channel.kind(), channel.target(),
                channel.signed() ? WebhookSignature.newSecret() : null);
        int added = getEntityManager().createQuery("""
                insert into TeamChannelEntity (team, kind, target, secret) values (:team, :kind, :target, :secret)
                on conflict (team, kind, target) do nothing""")
                .setParameter("team", team).setParameter("kind", stored.kind())
                .setParameter("target", stored.target()).setParameter("secret", stored.secret()).executeUpdate();
        return added == 1 ? Optional.of(stored) : Optional.empty();
    }

    /** A new secret for a signed channel, effective at once; empty when the team has no such signed channel. */
    @Transactional
    public Optional<String> rotateSecret(String team, Channel channel) {
        if (!channel.signed()) {
            return Optional.empty();
        }
        String secret = WebhookSignature.newSecret();
        int rotated = update("secret = ?1 where team = ?2 and kind = ?3 and target = ?4", secret, team,
                channel.kind(), channel.target());
        return rotated == 1 ? Optional.of(secret) : Optional.empty();
    }

    /**
     * Removes one channel and cancels its pending announcements and digests, claimed ones too (a worker checks
     * again just before it sends); false when the team had no such channel.
     */
    @Transactional
    public boolean remove(String team, String kind, String target) {
        if (delete("team = ?1 and kind = ?2 and target = ?3", team, kind, target) == 0) {
            return false;
        }
        for (String table : List.of("notification", "digest_delivery")) {
            getEntityManager().createNativeQuery("UPDATE " + table + " SET status = 'CANCELLED',"
                    + " last_error = 'channel removed', claimed_until = NULL, claim_token = NULL"
                    + " WHERE team = ?1 AND kind = ?2 AND target = ?3 AND status = 'PENDING'")
                    .setParameter(1, team).setParameter(2, kind).setParameter(3, target).executeUpdate();
        }
        return true;
    }
}
