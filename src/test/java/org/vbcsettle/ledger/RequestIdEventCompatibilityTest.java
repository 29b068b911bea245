package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import akka.serialization.Serializers;
import akka.serialization.jackson.JacksonObjectMapperProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.settlement.QualityEvent;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events journaled before they carried a request id (no {@code requestId} field in their CBOR) still read,
 * with a null request id; events that carry one keep it.
 */
class RequestIdEventCompatibilityTest {
    static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("RequestIdEventCompatibilityTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    static Object roundTrip(ContractEvent event, boolean dropRequestId) throws Exception {
        Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
        Serializer serializer = serialization.findSerializerFor(event);
        byte[] bytes = serialization.serialize(event).get();
        if (dropRequestId) {
            ObjectMapper cbor = JacksonObjectMapperProvider.get(testKit.system().classicSystem())
                    .getOrCreate("jackson-cbor", Optional.of(new CBORFactory()));
            ObjectNode tree = (ObjectNode) cbor.readTree(bytes);
            assertThat(tree.has("requestId")).as("the field is written").isTrue();
            tree.remove("requestId");
            bytes = cbor.writeValueAsBytes(tree);
        }
        return serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, event)).get();
    }

    @Test
    void anEventWithoutTheFieldReadsWithANullRequestId() throws Exception {
        QualityEvent q = new QualityEvent("q1", "M1", "CBP", "2024", QualityEvent.Kind.NUMERATOR);
        ContractEvent stamped = new ContractEvent.QualityEventsRecorded(List.of(q)).withRequestId("req-1");
        assertThat(roundTrip(stamped, false)).isEqualTo(stamped);
        assertThat(roundTrip(stamped, true)).isEqualTo(new ContractEvent.QualityEventsRecorded(List.of(q), null));
        assertThat(((ContractEvent.QualityEventsRecorded) roundTrip(stamped, true)).requestId()).isNull();
    }
}
