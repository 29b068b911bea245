package org.vbcsettle.cli;

import com.typesafe.config.ConfigFactory;
import org.vbcsettle.api.ApiSettings;
import org.vbcsettle.api.auth.AuthSettings;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.api.auth.Tokens;
import org.vbcsettle.api.auth.Ttl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code vbc-settle token --role provider --party acme-aco --ttl 1h}: prints a bearer token signed with the
 * configured HS256 secret (VBC_JWT_SECRET, else the development secret).
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Mint a development bearer token (HS256, configured secret)")
public final class TokenCommand implements Callable<Integer> {

    @Option(names = "--role", required = true, description = "payer, provider, actuary or admin") String role;

    @Option(names = "--party", description = "the payer or provider id the token acts for (required for payer and provider)") String party;

    @Option(names = "--ttl", defaultValue = "1h", description = "lifetime: 90s, 30m, 1h, 7d (default: ${DEFAULT-VALUE})") String ttl;

    @Override
    public Integer call() {
        Role r;
        try {
            r = Role.parse(role);
        } catch (IllegalArgumentException e) {
            System.err.println("token: --role must be payer, provider, actuary or admin, was '" + role + "'");
            return 2;
        }
        if ((r == Role.PAYER || r == Role.PROVIDER) && (party == null || party.isBlank())) {
            System.err.println("token: --party is required for role " + r.claim());
            return 2;
        }
        AuthSettings auth;
        java.time.Duration life;
        try {
            life = Ttl.parse(ttl);
            auth = AuthSettings.fromConfig(ApiSettings.withDefaults(ConfigFactory.load()));
        } catch (RuntimeException e) {
            System.err.println("token: " + e.getMessage());
            return 2;
        }
        if (auth.hs256Secret() == null) {
            System.err.println("token: RS256 is configured (VBC_JWT_PUBLIC_KEY); tokens come from the identity provider that holds the private key");
            return 2;
        }
        if (auth.usesDevelopmentSecret()) {
            System.err.println("token: signed with the built-in development secret (set VBC_JWT_SECRET for a real one)");
        }
        System.out.println(Tokens.mint(auth, r, party, life, Clock.systemUTC()));
        return 0;
    }
}
