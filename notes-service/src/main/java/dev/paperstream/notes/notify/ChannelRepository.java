package dev.paperstream.notes.notify;

import dev.paperstream.notes.db.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Each team's notification channels. */
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

    /** Replaces the team's channels. */
    public void replace(String team, List<Channel> channels) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM team_channel WHERE team = ?");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO team_channel (team, kind, target, secret) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            delete.setString(1, team);
            delete.executeUpdate();
            for (Channel ch : channels) {
                insert.setString(1, team);
                insert.setString(2, ch.kind());
                insert.setString(3, ch.target());
                insert.setString(4, ch.secret());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.failure("cannot store channels of " + team, e);
        }
    }

    /** Adds a channel; the same kind and target again replaces its secret. */
    public void add(String team, Channel channel) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO team_channel (team, kind, target, secret)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (team, kind, target) DO UPDATE SET secret = EXCLUDED.secret")) {
            ps.setString(1, team);
            ps.setString(2, channel.kind());
            ps.setString(3, channel.target());
            ps.setString(4, channel.secret());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot add a channel to " + team, e);
        }
    }

    /** Removes one channel; false when the team had no such channel. */
    public boolean remove(String team, String kind, String target) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM team_channel WHERE team = ? AND kind = ? AND target = ?")) {
            ps.setString(1, team);
            ps.setString(2, kind);
            ps.setString(3, target);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("cannot remove a channel of " + team, e);
        }
    }
}
