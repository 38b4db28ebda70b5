package dev.paperstream.notes.store;

import dev.paperstream.notes.channels.Channel;
import dev.paperstream.notes.channels.WebhookSignature;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each team's notification channels. Signing secrets are generated here and answered only by the call that
 * made them; a removed channel's pending deliveries are cancelled in the same transaction.
 */
@ApplicationScoped
public class ChannelRepository {
    private final AgroalDataSource dataSource;

    public ChannelRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Channel> forTeam(String team) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT kind, target, secret FROM team_channel WHERE team = ? ORDER BY kind, target")) {
            ps.setString(1, team);
            List<Channel> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Channel(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot read channels of " + team, e);
        }
    }

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

    /** Adds a channel with a new secret if it is signed; empty when the team has it already (it keeps its secret). */
    @Transactional
    public Optional<Channel> add(String team, Channel channel) {
        Channel stored = new Channel(channel.kind(), channel.target(),
                channel.signed() ? WebhookSignature.newSecret() : null);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO team_channel (team, kind, target, secret)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (team, kind, target) DO NOTHING")) {
            ps.setString(1, team);
            ps.setString(2, stored.kind());
            ps.setString(3, stored.target());
            ps.setString(4, stored.secret());
            return ps.executeUpdate() == 1 ? Optional.of(stored) : Optional.empty();
        } catch (SQLException e) {
            throw Sql.failure("cannot add a channel to " + team, e);
        }
    }

    /** A new secret for a signed channel, effective at once; empty when the team has no such signed channel. */
    @Transactional
    public Optional<String> rotateSecret(String team, Channel channel) {
        if (!channel.signed()) {
            return Optional.empty();
        }
        String secret = WebhookSignature.newSecret();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE team_channel SET secret = ? WHERE team = ? AND kind = ? AND target = ?")) {
            ps.setString(1, secret);
            ps.setString(2, team);
            ps.setString(3, channel.kind());
            ps.setString(4, channel.target());
            return ps.executeUpdate() == 1 ? Optional.of(secret) : Optional.empty();
        } catch (SQLException e) {
            throw Sql.failure("cannot rotate a secret of " + team, e);
        }
    }

    /**
     * Removes one channel and cancels its pending announcements and digests, claimed ones too (a worker checks
     * again just before it sends); false when the team had no such channel.
     */
    @Transactional
    public boolean remove(String team, String kind, String target) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM team_channel WHERE team = ? AND kind = ? AND target = ?")) {
            ps.setString(1, team);
            ps.setString(2, kind);
            ps.setString(3, target);
            if (ps.executeUpdate() == 0) {
                return false;
            }
            for (String table : List.of("notification", "digest_delivery")) {
                try (PreparedStatement cancel = c.prepareStatement("UPDATE " + table + " SET status = 'CANCELLED',"
                        + " last_error = 'channel removed', claimed_until = NULL, claim_token = NULL"
                        + " WHERE team = ? AND kind = ? AND target = ? AND status = 'PENDING'")) {
                    cancel.setString(1, team);
                    cancel.setString(2, kind);
                    cancel.setString(3, target);
                    cancel.executeUpdate();
                }
            }
            return true;
        } catch (SQLException e) {
            throw Sql.failure("cannot remove a channel of " + team, e);
        }
    }
}
