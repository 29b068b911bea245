package org.vbcsettle.ledger;

/**
 * Marker for every message, event and snapshot of the ledger: bound to Akka's Jackson CBOR serializer in
 * {@code application.conf}, so that nothing ever falls back to Java serialization.
 */
public interface CborSerializable {
}
