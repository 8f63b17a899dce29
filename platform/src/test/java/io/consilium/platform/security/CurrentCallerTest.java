package io.consilium.platform.security;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CurrentCallerTest {

    @Test
    void readsTheDisplayNameFromTheNameClaimThenTheUsername() {
        JwtClaims claims = claims("7f0c", "acme");
        claims.setClaim("name", "Alice Anders");
        claims.setClaim("preferred_username", "alice");
        assertEquals(Optional.of("Alice Anders"), caller(claims).displayName());

        JwtClaims partner = claims("service-account-partner-acme", "acme");
        partner.setClaim("preferred_username", "service-account-partner-acme");
        Caller partnerCaller = caller(partner);
        assertEquals(Optional.of("service-account-partner-acme"), partnerCaller.displayName());
        assertEquals(Optional.of("acme"), partnerCaller.tenant());
    }

    @Test
    void aLongNameIsCutToWhatTheServicesKeep() {
        JwtClaims claims = claims("7f0c", "acme");
        claims.setClaim("name", "A".repeat(255) + " " + "B".repeat(255));
        String name = caller(claims).displayName().orElseThrow();
        assertEquals(CurrentCaller.MAX_NAME, name.length());
        assertEquals('…', name.charAt(name.length() - 1));
    }

    @Test
    void aTokenWithoutNamesShowsTheSubject() {
        JwtClaims claims = claims("7f0c", null);
        claims.setClaim("name", "  ");
        Caller caller = caller(claims);
        assertEquals(Optional.empty(), caller.displayName());
        assertEquals("7f0c", caller.shownName());
        assertEquals(Optional.empty(), caller.tenant());
    }

    private static JwtClaims claims(String subject, String tenant) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        if (tenant != null) {
            claims.setClaim("tenant", tenant);
        }
        return claims;
    }

    private static Caller caller(JwtClaims claims) {
        var principal = new DefaultJWTCallerPrincipal("raw", claims);
        var identity = QuarkusSecurityIdentity.builder().setPrincipal(principal).addRole(Roles.PATIENT).build();
        return CurrentCaller.of(identity);
    }
}
