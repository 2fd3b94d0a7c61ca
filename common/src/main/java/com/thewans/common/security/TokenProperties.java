package com.thewans.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keys come from and what a token must say about itself.
 *
 * @param jwksUri  identity-service's JWKS (http(s) or file:)
 * @param issuer   the {@code iss} every token must carry
 * @param audience the {@code aud} every token must carry
 * @param clockSkew tolerance for clocks of different machines
 */
@ConfigurationProperties("wans.security")
public record TokenProperties(
        @DefaultValue("http://localhost:3001/.well-known/jwks.json") String jwksUri,
        @DefaultValue("https://thewans.com/identity") String issuer,
        @DefaultValue("thewans-platform") String audience,
        @DefaultValue("30s") Duration clockSkew) {
}
