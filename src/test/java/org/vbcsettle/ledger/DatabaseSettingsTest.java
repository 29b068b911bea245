package org.vbcsettle.ledger;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsTest {

    private static DatabaseSettings fromConfig(Map<String, Object> db) {
        var base = ConfigFactory.parseMap(Map.of("vbc.ledger.db.connection-timeout", "5s", "vbc.ledger.db.pool-size", 8,
                "vbc.ledger.db.projection-pool-size", 2));
        var m = new java.util.HashMap<String, Object>();
        db.forEach((k, v) -> m.put("vbc.ledger.db." + k, v));
        return DatabaseSettings.fromConfig(ConfigFactory.parseMap(m).withFallback(base));
    }

    @Test
    void h2UrlsGetDbCloseOnExitFalseAndWriteDelayZeroAppendedOnce() {
        assertThat(fromConfig(Map.of("url", "jdbc:h2:file:./data/vbc-ledger")).url())
                .isEqualTo("jdbc:h2:file:./data/vbc-ledger;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        // a configured URL with other settings keeps them
        assertThat(fromConfig(Map.of("url", "jdbc:h2:file:/x/l;MODE=PostgreSQL")).url())
                .isEqualTo("jdbc:h2:file:/x/l;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        // one that sets them already (either way, any case) is left alone
        assertThat(fromConfig(Map.of("url", "jdbc:h2:file:/x/l;db_close_on_exit=TRUE;write_delay=500")).url())
                .isEqualTo("jdbc:h2:file:/x/l;db_close_on_exit=TRUE;write_delay=500");
        assertThat(fromConfig(Map.of("url", "jdbc:h2:file:/x/l;WRITE_DELAY=0")).url())
                .isEqualTo("jdbc:h2:file:/x/l;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        // withUrl goes through the same constructor
        DatabaseSettings s = fromConfig(Map.of("url", "jdbc:h2:mem:a")).withUrl("jdbc:h2:file:/y/l", "sa", "");
        assertThat(s.url()).isEqualTo("jdbc:h2:file:/y/l;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(fromConfig(Map.of("url", "jdbc:postgresql://db:5432/vbc", "user", "vbc")).url())
                .isEqualTo("jdbc:postgresql://db:5432/vbc");
    }

    @Test
    void anH2CommitIsInTheFileWhenItReturns() throws Exception {
        // the database's own setting, as the node opens it: 0 means no background writer, a store per commit
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("vbc-h2-durable");
        DatabaseSettings s = fromConfig(Map.of("url", "jdbc:h2:file:" + dir.resolve("l")));
        try (var c = s.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("0");
        }
    }

    @Test
    void h2DefaultsToUserSa() {
        assertThat(fromConfig(Map.of("url", "jdbc:h2:file:./data/vbc-ledger")).user()).isEqualTo("sa");
        assertThat(fromConfig(Map.of("url", "jdbc:h2:file:./data/vbc-ledger", "user", "app")).user()).isEqualTo("app");
    }

    @Test
    void postgresWithoutUserIsAStartupErrorNamingVbcDbUser() {
        assertThatThrownBy(() -> fromConfig(Map.of("url", "jdbc:postgresql://db:5432/vbc")))
                .isInstanceOf(LedgerStartupException.class)
                .hasMessage("the ledger database jdbc:postgresql://db:5432/vbc is PostgreSQL and no user is set: "
                        + "set VBC_DB_USER (and VBC_DB_PASSWORD), or vbc.ledger.db.user");
        assertThatThrownBy(() -> fromConfig(Map.of("url", "jdbc:postgresql://db:5432/vbc", "user", " ")))
                .hasMessageContaining("VBC_DB_USER");
        DatabaseSettings s = fromConfig(Map.of("url", "jdbc:postgresql://db:5432/vbc", "user", "vbc", "password", "pw"));
        assertThat(s.user()).isEqualTo("vbc");
        assertThat(s.password()).isEqualTo("pw");
    }

    @Test
    void shippedConfigurationHasNoUserDefaultButH2StillGetsSa() {
        // application.conf leaves db.user unset unless VBC_DB_USER is; with the default H2 URL that means sa
        var conf = ConfigFactory.parseResources("application.conf");
        var resolved = ConfigFactory.parseMap(Map.of("vbc.ledger.db.url", "jdbc:h2:file:./data/x")).withFallback(conf).resolve();
        if (System.getenv("VBC_DB_USER") == null) {
            assertThat(resolved.hasPath("vbc.ledger.db.user")).isFalse();
            assertThat(DatabaseSettings.fromConfig(resolved).user()).isEqualTo("sa");
        }
    }
}
