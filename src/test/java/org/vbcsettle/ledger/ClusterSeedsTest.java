package org.vbcsettle.ledger;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSeedsTest {

    private final Config base = ConfigFactory.parseString("akka.cluster.seed-nodes = []");

    @Test
    void commaSeparatedSeedsBecomeTheSeedList() {
        Config c = ClusterSeeds.apply(base, " akka://vbc-settle@10.0.0.11:25520, akka://vbc-settle@10.0.0.12:25520 ");
        assertThat(c.getStringList("akka.cluster.seed-nodes"))
                .containsExactly("akka://vbc-settle@10.0.0.11:25520", "akka://vbc-settle@10.0.0.12:25520");
    }

    @Test
    void absentOrBlankKeepsTheConfiguredSeeds() {
        assertThat(ClusterSeeds.apply(base, null).getStringList("akka.cluster.seed-nodes")).isEmpty();
        assertThat(ClusterSeeds.apply(base, "  ").getStringList("akka.cluster.seed-nodes")).isEmpty();
    }

    @Test
    void aSeedOfAnotherSystemOrWithoutPortIsRefusedWithTheVariableNamed() {
        assertThatThrownBy(() -> ClusterSeeds.apply(base, "akka://other@10.0.0.11:25520"))
                .hasMessageContaining("VBC_SEED_NODES").hasMessageContaining("akka://other@10.0.0.11:25520");
        assertThatThrownBy(() -> ClusterSeeds.apply(base, "akka://vbc-settle@10.0.0.11"))
                .hasMessageContaining("was 'akka://vbc-settle@10.0.0.11'");
    }
}
