package org.vbcsettle.api;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.vbcsettle.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A production node refuses the built-in development secret before it starts anything. */
class ProductionModeTest {

    @Test
    void production_mode_with_the_development_secret_does_not_start() {
        var config = ConfigFactory.parseString("vbc.mode = production\nvbc.auth.hs256-secret = \"\"\nvbc.auth.rs256-public-key = \"\"").withFallback(ConfigFactory.load());
        assertThatThrownBy(() -> ApiNode.start(config, null, ApiSettings.fromConfig(config)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("development secret");
    }

    @Test
    void token_command_mints_a_token_the_api_accepts() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        int code;
        try {
            code = Main.run("token", "--role", "provider", "--party", "acme-aco", "--ttl", "30m");
        } finally {
            System.setOut(out);
        }
        assertThat(code).isZero();
        String token = buf.toString().trim();
        var auth = org.vbcsettle.api.auth.AuthSettings.fromConfig(ApiSettings.withDefaults(ConfigFactory.load()));
        var caller = new org.vbcsettle.api.auth.Tokens(auth, java.time.Clock.systemUTC()).verify(token);
        assertThat(caller.party()).isEqualTo("acme-aco");
        assertThat(Main.run("token", "--role", "provider")).isEqualTo(2); // a provider token needs a party
        assertThat(Main.run("token", "--role", "king", "--party", "x")).isEqualTo(2);
    }
}
