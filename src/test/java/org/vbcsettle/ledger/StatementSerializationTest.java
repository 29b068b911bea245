package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import akka.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.settlement.ContractSettlement;
import org.vbcsettle.settlement.ContractSettlementTest;
import org.vbcsettle.settlement.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A statement of every arrangement kind, with its typed figures, survives the journal's serializer unchanged. */
class StatementSerializationTest {
    static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("StatementSerializationTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    @Test
    void statementIssuedRoundTripsWithItsFigures() {
        Statement statement = ContractSettlement.settle(ContractSettlementTest.allKinds(), ContractSettlementTest.inputs()).orElseThrow();
        ContractEvent.StatementIssued event = new ContractEvent.StatementIssued(statement, "2024");
        Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
        Serializer serializer = serialization.findSerializerFor(event);
        byte[] bytes = serialization.serialize(event).get();
        Object back = serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, event)).get();
        assertThat(back).isEqualTo(event);
    }
}
