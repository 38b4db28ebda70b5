package dev.paperstream.notes.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One of a team's channels (table {@code team_channel}); {@code secret} signs HTTP channels. */
@Entity
@Table(name = "team_channel")
@IdClass(TeamChannelEntity.Key.class)
public class TeamChannelEntity {
    @Id
    public String team;
    @Id
    public String kind;
    @Id
    public String target;
    public String secret;

    public static class Key implements Serializable {
        public String team;
        public String kind;
        public String target;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(team, k.team) && Objects.equals(kind, k.kind)
                    && Objects.equals(target, k.target);
        }

        @Override
        public int hashCode() {
            return Objects.hash(team, kind, target);
        }
    }
}
