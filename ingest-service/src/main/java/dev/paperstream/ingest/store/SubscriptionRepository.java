package dev.paperstream.ingest.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Tables {@code subscription} and {@code subscription_defaults}. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepository<Subscription> {

    @Transactional
    public List<Subscription> all() {
        return listAll(Sort.by("id"));
    }

    @Transactional
    public Optional<Subscription> find(long id) {
        return findByIdOptional(id);
    }

    /**
     * Adds it, or returns the existing one for the same team, kind and value. The insert skips a row that
     * is already there, so that two instances starting with the same configuration (or two editors adding
     * the same source) both succeed.
     */
    @Transactional
    public Subscription add(String team, Subscription.Kind kind, String value) {
        getEntityManager().createQuery("""
                insert into Subscription (team, kind, value) values (:team, :kind, :value)
                on conflict (team, kind, value) do nothing""")
                .setParameter("team", team).setParameter("kind", kind).setParameter("value", value)
                .executeUpdate();
        return find("team = ?1 and kind = ?2 and value = ?3", team, kind, value).singleResult();
    }

    /**
     * Gives a fresh install its default subscriptions: only the first time any instance asks (the row in
     * {@code subscription_defaults} is the claim; a second instance waits for the first's commit and finds
     * it), and only when nothing is followed yet. Returns whether it added them.
     */
    @Transactional
    public boolean applyDefaultsOnce(String team, List<String> categories, List<String> queries) {
        boolean firstTime = getEntityManager().createQuery("""
                insert into SubscriptionDefaults (team) values (:team)
                on conflict (team) do nothing""")
                .setParameter("team", team).executeUpdate() == 1;
        if (!firstTime || count() > 0) {
            return false;
        }
        addAll(team, Subscription.Kind.category, categories);
        addAll(team, Subscription.Kind.query, queries);
        return true;
    }

    private void addAll(String team, Subscription.Kind kind, List<String> values) {
        for (String value : new LinkedHashSet<>(values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList())) {
            Subscription s = new Subscription();
            s.team = team;
            s.kind = kind;
            s.value = value;
            persist(s);
        }
    }

    @Transactional
    public boolean delete(long id) {
        return deleteById(id);
    }

    /** Records a poll's outcome on every subscription of that kind and value, whatever the team. */
    @Transactional
    public void recordPoll(Subscription.Kind kind, String value, Integer accepted, String error) {
        update("lastPolledAt = ?1, lastAccepted = ?2, lastError = ?3 where kind = ?4 and value = ?5",
                Instant.now(), accepted, error, kind, value);
    }
}
