package dev.paperstream.support.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives an identity that OIDC verified the same shape as a token's: roles from
 * {@code paperstream.auth.oidc.roles-claim} with the role hierarchy applied (and nothing else, so that a group
 * that happens to be called "admin" in a teams claim grants nothing), and teams from
 * {@code paperstream.auth.oidc.teams-claim} as {@link TeamScope#ATTRIBUTE}. Identities of configured tokens and
 * web sessions are left as they are.
 */
@ApplicationScoped
public class OidcClaimsAugmentor implements SecurityIdentityAugmentor {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final AuthConfig config;

    public OidcClaimsAugmentor(AuthConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = new TreeSet<>();
        claimValues(jwt, config.oidc().rolesClaim()).stream().filter(Roles::isRole)
                .forEach(r -> roles.addAll(Roles.including(r)));
        List<String> teamNames = claimValues(jwt, config.oidc().teamsClaim());
        TeamScope teams = teamNames.contains("*") ? TeamScope.ALL
                : TeamScope.of(teamNames.stream().filter(t -> TEAM.matcher(t).matches()).toList());
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(roles)
                .addAttribute(TeamScope.ATTRIBUTE, teams);
        return Uni.createFrom().item(builder.build());
    }

    /** A claim's names: an array, or one string of names separated by spaces or commas; dots walk into objects. */
    static List<String> claimValues(JsonWebToken jwt, String path) {
        String[] steps = path.split("\\.");
        Object value = jwt.getClaim(steps[0]);
        for (String step : Arrays.copyOfRange(steps, 1, steps.length)) {
            value = value instanceof JsonObject o ? o.get(step) : value instanceof Map<?, ?> m ? m.get(step) : null;
        }
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> names.add(text(item)));
        } else if (value != null && text(value) != null) {
            names.addAll(Arrays.asList(SEPARATORS.split(text(value).strip())));
        }
        return names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
    }

    private static String text(Object value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonValue v && v.getValueType() != JsonValue.ValueType.STRING) {
            return null;
        }
        return String.valueOf(value);
    }
}
