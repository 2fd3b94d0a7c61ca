package com.thewans.common.web;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.thewans.common.security.CurrentUser;

/** The Spring Security view of a verified token: principal is the {@link CurrentUser}. */
public class WansAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;

    public WansAuthentication(CurrentUser user) {
        super(List.copyOf(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return user.token();
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.userId().toString();
    }
}
