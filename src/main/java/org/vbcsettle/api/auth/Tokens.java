package org.vbcsettle.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer tokens (and mints development ones). Only the configured algorithm is accepted, so a
 * token cannot choose how it is checked (no {@code none}, no HS256 signed with a public key). Expiry, the
 * configured issuer and audience, and a role named exactly ({@code payer}, not {@code Payer}) are required.
 */
public final class Tokens {

    /** Tolerated clock difference between the token issuer and this node. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** Verified tokens kept so that a client reusing its token is not re-verified on every request. */
    static final int CACHE_SIZE = 10_000;

    private final AuthSettings settings;
    private final Clock clock;
    private final JWSAlgorithm algorithm;
    private final JWSVerifier verifier;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    /** A token whose signature and claims checked out, and until when it may be used. */
    private record Verified(Caller caller, Instant expires) {
    }

    public Tokens(AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        try {
            if (settings.rs256PublicKey() != null) {
                algorithm = JWSAlgorithm.RS256;
                verifier = new RSASSAVerifier(settings.rs256PublicKey());
            } else {
                algorithm = JWSAlgorithm.HS256;
                verifier = new MACVerifier(settings.hs256Secret());
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot build the token verifier: " + e.getMessage(), e);
        }
    }

    /** Why a token was refused; the message goes to the client in a 401 problem. */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The caller of a valid token. A token verified before is taken from a cache (the exact string was
     * signed correctly; only its expiry is checked again), which saves the signature check and two JSON
     * parses on every request of a client that reuses its token.
     */
    public Caller verify(String token) throws Rejected {
        Verified v = verified.get(token);
        if (v != null) {
            if (v.expires().plus(CLOCK_SKEW).isBefore(clock.instant())) {
                verified.remove(token);
                throw new Rejected("bearer token expired at " + v.expires());
            }
            return v.caller();
        }
        Verified fresh = verifyUncached(token);
        if (verified.size() >= CACHE_SIZE) {
            verified.clear(); // crude but bounded: the next requests re-verify and refill it
        }
        verified.put(token, fresh);
        return fresh.caller();
    }

    private Verified verifyUncached(String token) throws Rejected {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new Rejected("bearer token is not a signed JWT");
        }
        if (!algorithm.equals(jwt.getHeader().getAlgorithm())) {
            throw new Rejected("bearer token must be signed with " + algorithm + ", was " + jwt.getHeader().getAlgorithm());
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new Rejected("bearer token signature does not verify");
            }
        } catch (JOSEException e) {
            throw new Rejected("bearer token signature does not verify");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Rejected("bearer token claims are not valid JSON");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new Rejected("bearer token has no expiry (exp)");
        }
        if (exp.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw new Rejected("bearer token expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw new Rejected("bearer token is not valid before " + nbf.toInstant());
        }
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw new Rejected("bearer token issuer (iss) must be '" + settings.issuer() + "', was "
                    + (claims.getIssuer() == null ? "missing" : "'" + claims.getIssuer() + "'"));
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(settings.audience())) {
            throw new Rejected("bearer token audience (aud) must include '" + settings.audience() + "', was "
                    + (claims.getAudience() == null || claims.getAudience().isEmpty() ? "missing" : claims.getAudience()));
        }
        Object roleClaim = claims.getClaim("role");
        if (!(roleClaim instanceof String roleText)) {
            throw new Rejected("bearer token has no role claim (payer, provider, actuary or admin)");
        }
        Role role = Role.ofClaim(roleText);
        if (role == null) {
            throw new Rejected("bearer token role must be payer, provider, actuary or admin, was '" + roleText + "'");
        }
        Object partyClaim = claims.getClaim("party");
        String party = partyClaim instanceof String s && !s.isBlank() ? s : null;
        if (party == null && (role == Role.PAYER || role == Role.PROVIDER)) {
            throw new Rejected("bearer token with role " + role.claim() + " needs a party claim");
        }
        return new Verified(new Caller(role, party, claims.getSubject()), exp.toInstant());
    }

    /** Mints an HS256 token with the configured secret (development and tests). */
    public static String mint(AuthSettings settings, Role role, String party, Duration ttl, Clock clock) {
        if (settings.hs256Secret() == null) {
            throw new IllegalStateException("tokens can only be minted with an HS256 secret (VBC_JWT_SECRET); "
                    + "with RS256 the issuer holds the private key");
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(party == null ? role.claim() : role.claim() + ":" + party)
                .issuer(settings.issuer())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("role", role.claim());
        if (party != null) {
            claims.claim("party", party);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(settings.hs256Secret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
