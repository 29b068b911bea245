package org.vbcsettle.api.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.vbcsettle.api.ApiSettings;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthSettingsTest {

    static AuthSettings from(String hocon) {
        return AuthSettings.fromConfig(ApiSettings.withDefaults(ConfigFactory.parseString(hocon)));
    }

    @Test
    void production_mode_refuses_the_development_secret() {
        assertThat(from("vbc.mode = production").refusalReason()).contains("development secret");
        assertThat(from("vbc.mode = development").refusalReason()).isNull();
        assertThat(from("vbc.mode = production\nvbc.auth.hs256-secret = \"a-real-secret-of-more-than-32-bytes-long\"").refusalReason()).isNull();
        assertThat(from("vbc.auth.hs256-secret = short").refusalReason()).contains("32 bytes");
    }

    @Test
    void rs256_public_key_accepts_only_rs256_tokens_signed_by_its_private_key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(kp.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        AuthSettings s = from("vbc.mode = production\nvbc.auth.rs256-public-key = \"\"\"" + pem + "\"\"\"");
        assertThat(s.refusalReason()).isNull();
        Tokens tokens = new Tokens(s, Clock.systemUTC());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("role", "provider").claim("party", "acme-aco")
                .issuer("vbc-settle").audience("vbc-settle-api").expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
        SignedJWT rs = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        rs.sign(new RSASSASigner(kp.getPrivate()));
        assertThat(tokens.verify(rs.serialize())).isEqualTo(new Caller(Role.PROVIDER, "acme-aco", null));
        // an HS256 token "signed" with the public key must not pass (algorithm confusion)
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hs.sign(new MACSigner(kp.getPublic().getEncoded()));
        assertThatThrownBy(() -> tokens.verify(hs.serialize())).isInstanceOf(Tokens.Rejected.class).hasMessageContaining("RS256");
    }

    @Test
    void minted_tokens_carry_role_party_and_expiry() throws Exception {
        AuthSettings s = from("vbc.auth.hs256-secret = \"a-real-secret-of-more-than-32-bytes-long\"");
        String t = Tokens.mint(s, Role.PAYER, "blue", Duration.ofMinutes(5), Clock.systemUTC());
        assertThat(new Tokens(s, Clock.systemUTC()).verify(t)).isEqualTo(new Caller(Role.PAYER, "blue", "payer:blue"));
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6));
        assertThatThrownBy(() -> new Tokens(s, later).verify(t)).hasMessageContaining("expired");
    }

    @Test
    void ttl_forms() {
        assertThat(Ttl.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Ttl.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Ttl.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Ttl.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> Ttl.parse("0s")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Ttl.parse("soon")).hasMessageContaining("ttl");
    }

    @Test
    void a_cached_token_still_expires() throws Exception {
        AuthSettings s = from("vbc.auth.hs256-secret = \"a-real-secret-of-more-than-32-bytes-long\"");
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.now());
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        Tokens tokens = new Tokens(s, moving);
        String t = Tokens.mint(s, Role.ADMIN, null, Duration.ofMinutes(5), moving);
        assertThat(tokens.verify(t).role()).isEqualTo(Role.ADMIN);
        assertThat(tokens.verify(t).role()).isEqualTo(Role.ADMIN); // from the cache
        now.set(now.get().plus(Duration.ofMinutes(6)));
        assertThatThrownBy(() -> tokens.verify(t)).hasMessageContaining("expired");
        // a token differing in one signature character is not the cached one
        String forged = t.substring(0, t.length() - 2) + (t.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(Tokens.Rejected.class);
    }

    // ---- claims as an identity provider issues them: iss and aud checked, the role spelled exactly

    static final String SECRET = "a-real-secret-of-more-than-32-bytes-long";

    static String signed(String issuer, java.util.List<String> audience, String role) throws Exception {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().claim("role", role)
                .expirationTime(new Date(System.currentTimeMillis() + 60_000));
        if (issuer != null) {
            b.issuer(issuer);
        }
        if (audience != null) {
            b.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), b.build());
        jwt.sign(new MACSigner(SECRET.getBytes()));
        return jwt.serialize();
    }

    @Test
    void issuer_and_audience_are_configurable_and_checked() throws Exception {
        AuthSettings s = from("vbc.auth.hs256-secret = \"" + SECRET + "\"\nvbc.auth.issuer = \"https://idp.example/realms/vbc\"\n"
                + "vbc.auth.audience = \"settlement-api\"");
        assertThat(s.issuer()).isEqualTo("https://idp.example/realms/vbc");
        assertThat(s.audience()).isEqualTo("settlement-api");
        Tokens tokens = new Tokens(s, Clock.systemUTC());
        assertThat(tokens.verify(signed("https://idp.example/realms/vbc", java.util.List.of("other", "settlement-api"), "admin")).role())
                .isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> tokens.verify(signed("https://evil.example", java.util.List.of("settlement-api"), "admin")))
                .isInstanceOf(Tokens.Rejected.class).hasMessageContaining("issuer (iss) must be 'https://idp.example/realms/vbc', was 'https://evil.example'");
        assertThatThrownBy(() -> tokens.verify(signed(null, java.util.List.of("settlement-api"), "admin")))
                .isInstanceOf(Tokens.Rejected.class).hasMessageContaining("issuer (iss)").hasMessageContaining("missing");
        assertThatThrownBy(() -> tokens.verify(signed("https://idp.example/realms/vbc", java.util.List.of("vbc-settle-api"), "admin")))
                .isInstanceOf(Tokens.Rejected.class).hasMessageContaining("audience (aud) must include 'settlement-api'");
        assertThatThrownBy(() -> tokens.verify(signed("https://idp.example/realms/vbc", null, "admin")))
                .isInstanceOf(Tokens.Rejected.class).hasMessageContaining("audience (aud)").hasMessageContaining("missing");
    }

    @Test
    void the_defaults_are_what_token_mints() throws Exception {
        AuthSettings s = from("vbc.auth.hs256-secret = \"" + SECRET + "\"");
        assertThat(s.issuer()).isEqualTo("vbc-settle");
        assertThat(s.audience()).isEqualTo("vbc-settle-api");
        SignedJWT minted = SignedJWT.parse(Tokens.mint(s, Role.ACTUARY, null, Duration.ofMinutes(5), Clock.systemUTC()));
        assertThat(minted.getJWTClaimsSet().getIssuer()).isEqualTo("vbc-settle");
        assertThat(minted.getJWTClaimsSet().getAudience()).containsExactly("vbc-settle-api");
        assertThat(new Tokens(s, Clock.systemUTC()).verify(minted.serialize()).role()).isEqualTo(Role.ACTUARY);
        // a token minted for another audience is not one of ours
        AuthSettings elsewhere = from("vbc.auth.hs256-secret = \"" + SECRET + "\"\nvbc.auth.audience = other-api");
        String foreign = Tokens.mint(elsewhere, Role.ADMIN, null, Duration.ofMinutes(5), Clock.systemUTC());
        assertThatThrownBy(() -> new Tokens(s, Clock.systemUTC()).verify(foreign)).hasMessageContaining("audience");
        assertThatThrownBy(() -> from("vbc.auth.issuer = \" \"")).hasMessageContaining("vbc.auth.issuer");
    }

    @Test
    void role_names_match_exactly() throws Exception {
        Tokens tokens = new Tokens(from("vbc.auth.hs256-secret = \"" + SECRET + "\""), Clock.systemUTC());
        java.util.List<String> aud = java.util.List.of("vbc-settle-api");
        assertThat(tokens.verify(signed("vbc-settle", aud, "actuary")).role()).isEqualTo(Role.ACTUARY);
        for (String spelling : java.util.List.of("Admin", "ADMIN", " admin", "admin ", "ad min", "admın")) {
            assertThatThrownBy(() -> tokens.verify(signed("vbc-settle", aud, spelling))).as(spelling)
                    .isInstanceOf(Tokens.Rejected.class).hasMessageContaining("role must be payer, provider, actuary or admin");
        }
        assertThat(Role.ofClaim("payer")).isEqualTo(Role.PAYER);
        assertThat(Role.ofClaim("Payer")).isNull();
        assertThat(Role.ofClaim(null)).isNull();
    }
}
