package org.vbcsettle.ledger;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract entities running on this node, each with the sequence number it has persisted up to: a place
 * where readers keep views of a ledger (such as its totals, serialized) computed at exactly that number, so
 * that a read can be answered without a message to the entity.
 *
 * <p>Why a view found here is never stale for a reader of this node: the entity replaces its {@link Slot}
 * (and so drops every view of the old one) after each persisted write and before it replies, puts one when
 * its recovery completes, and removes it when it stops (passivation, rebalance to another node, failure), so
 * a contract whose entity runs elsewhere has no slot here and readers ask the entity. A view is kept only in
 * the slot whose sequence number it was computed at. So after a write's 2xx, a read on the same node finds
 * a slot at that write's number or later, or none, and sees the write either way (read-your-writes).
 */
public final class LocalLedgers {

    /** Views kept per slot at most (a period per view, say); more are computed but not kept. */
    static final int MAX_VIEWS = 32;

    /** A ledger at one sequence number, and the views readers computed at that number. */
    public static final class Slot {
        private final long sequence;
        private final ConcurrentHashMap<String, Object> views = new ConcurrentHashMap<>();

        Slot(long sequence) {
            this.sequence = sequence;
        }

        public long sequence() {
            return sequence;
        }

        /** The view kept under {@code key}, or null. */
        public Object view(String key) {
            return views.get(key);
        }

        /** Keeps {@code view} if it was computed at this slot's sequence number (else drops it). */
        public void keep(String key, long computedAt, Object view) {
            if (computedAt == sequence && views.size() < MAX_VIEWS) {
                views.putIfAbsent(key, view);
            }
        }
    }

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** The slot of a contract whose entity runs on this node, or null (not running here: ask it). */
    public Slot slot(String contractId) {
        return slots.get(contractId);
    }

    /** The entity of {@code contractId} runs here and has persisted up to {@code sequence}. */
    void at(String contractId, long sequence) {
        slots.put(contractId, new Slot(sequence));
    }

    /** The entity of {@code contractId} no longer runs here. */
    void gone(String contractId) {
        slots.remove(contractId);
    }

    int size() {
        return slots.size();
    }
}
