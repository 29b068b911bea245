package org.vbcsettle.api.auth;

import com.typesafe.config.Config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * How bearer tokens are checked: an HS256 shared secret or an RS256 public key (from {@code vbc.auth.*},
 * which takes VBC_JWT_SECRET / VBC_JWT_PUBLIC_KEY from the environment), and whether the node runs in
 * production mode, where the built-in development secret is refused. A token must name {@code issuer} as its
 * {@code iss} and {@code audience} among its {@code aud} (VBC_JWT_ISSUER, VBC_JWT_AUDIENCE), as an identity
 * provider's tokens do; the defaults are what {@code vbc-settle token} mints.
 */
public record AuthSettings(byte[] hs256Secret, RSAPublicKey rs256PublicKey, boolean production, String issuer, String audience) {

    /** The issuer and audience {@code vbc-settle token} puts in its tokens, unless configured otherwise. */
    public static final String DEFAULT_ISSUER = "vbc-settle";
    public static final String DEFAULT_AUDIENCE = "vbc-settle-api";

    public AuthSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("vbc.auth.issuer (VBC_JWT_ISSUER) must not be empty");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("vbc.auth.audience (VBC_JWT_AUDIENCE) must not be empty");
        }
    }

    /** With the default audience. */
    public AuthSettings(byte[] hs256Secret, RSAPublicKey rs256PublicKey, boolean production, String issuer) {
        this(hs256Secret, rs256PublicKey, production, issuer, DEFAULT_AUDIENCE);
    }

    /** Public on purpose: it lets anyone mint tokens, so a production node refuses to start with it. */
    public static final String DEVELOPMENT_SECRET = "vbc-settle-development-secret-not-for-production-use!";

    public static AuthSettings fromConfig(Config root) {
        Config c = root.getConfig("vbc.auth");
        String mode = root.hasPath("vbc.mode") ? root.getString("vbc.mode") : "development";
        boolean production = "production".equalsIgnoreCase(mode.trim());
        String secret = c.hasPath("hs256-secret") ? c.getString("hs256-secret") : "";
        String publicKey = c.hasPath("rs256-public-key") ? c.getString("rs256-public-key") : "";
        String issuer = c.hasPath("issuer") ? c.getString("issuer") : DEFAULT_ISSUER;
        String audience = c.hasPath("audience") ? c.getString("audience") : DEFAULT_AUDIENCE;
        RSAPublicKey rsa = publicKey.isBlank() ? null : parseRsaPublicKey(publicKey);
        byte[] key = secret.isBlank() ? (rsa == null ? DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8) : null)
                : secret.getBytes(StandardCharsets.UTF_8);
        if (issuer.isBlank() || audience.isBlank()) {
            // a refused configuration: serve prints one line, as for a missing secret
            throw new IllegalStateException((issuer.isBlank() ? "vbc.auth.issuer (VBC_JWT_ISSUER)" : "vbc.auth.audience (VBC_JWT_AUDIENCE)")
                    + " must not be empty: tokens are checked against it");
        }
        return new AuthSettings(key, rsa, production, issuer.trim(), audience.trim());
    }

    public boolean usesDevelopmentSecret() {
        return hs256Secret != null && new String(hs256Secret, StandardCharsets.UTF_8).equals(DEVELOPMENT_SECRET);
    }

    /**
     * Why this configuration must not serve, or null when it may. Production needs a real secret of at
     * least 256 bits (RFC 7518 §3.2) or a public key.
     */
    public String refusalReason() {
        if (hs256Secret != null && hs256Secret.length < 32) {
            return "vbc.auth.hs256-secret (VBC_JWT_SECRET) must be at least 32 bytes for HS256";
        }
        if (production && rs256PublicKey == null && usesDevelopmentSecret()) {
            return "production mode (VBC_MODE=production) refuses the built-in development secret: "
                    + "set VBC_JWT_SECRET or VBC_JWT_PUBLIC_KEY";
        }
        return null;
    }

    /** Accepts PEM text ({@code -----BEGIN PUBLIC KEY-----}), bare base64 of X.509 SubjectPublicKeyInfo, or a file path. */
    static RSAPublicKey parseRsaPublicKey(String value) {
        try {
            String text = value.trim();
            if (!text.contains("-----BEGIN") && !text.matches("[A-Za-z0-9+/=\\s]+") && Files.isRegularFile(Path.of(text))) {
                text = Files.readString(Path.of(text));
            }
            String b64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(b64);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalArgumentException("vbc.auth.rs256-public-key (VBC_JWT_PUBLIC_KEY) is not an RSA public key in PEM/X.509 form: "
                    + e.getMessage(), e);
        }
    }
}
