package io.writeback.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The roles of a single sign-on user: the {@code viewer}, {@code operator} or {@code admin} its token's roles claim lists. */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String claim;

    JwtRoles(String claim) {
        this.claim = claim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String name : names(jwt.getClaim(claim))) {
            Role.ofConfigName(name).ifPresent(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        }
        String user = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities, user);
    }

    /** A list claim, or one string of names separated by spaces or commas. */
    private static List<String> names(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return List.of(text.strip().split("[\\s,]+"));
        }
        return List.of();
    }
}
