package dev.paperstream.notes.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A team seen in scores (table {@code team}), for the UI's filter; the score consumer adds new ones. */
@Entity
@Table(name = "team")
public class TeamEntity {
    @Id
    public String name;
}
