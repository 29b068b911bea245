package org.vbcsettle.api.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.util.List;

/** The API's JSON form of input records (what {@link RecordReader} reads back). */
public final class WireForm {

    private WireForm() {
    }

    public static ObjectNode of(Object record) {
        if (record instanceof Claim c) {
            return claim(c);
        }
        if (record instanceof Attribution a) {
            return attribution(a);
        }
        if (record instanceof QualityEvent q) {
            return quality(q);
        }
        throw new IllegalArgumentException("not an input record: " + record);
    }

    public static ObjectNode claim(Claim c) {
        ObjectNode n = Mappers.json().createObjectNode();
        n.put("id", c.id()).put("memberId", c.memberId()).put("type", c.type().code())
                .put("serviceFrom", c.serviceFrom().toString()).put("serviceThrough", c.serviceThrough().toString());
        if (c.paidDate() != null) {
            n.put("paidDate", c.paidDate().toString());
        }
        n.put("paidAmount", c.paidAmount().cents()).put("allowedAmount", c.allowedAmount().cents());
        if (c.drg() != null) {
            n.put("drg", c.drg());
        }
        strings(n, "hcpcs", c.hcpcs());
        strings(n, "diagnoses", c.diagnoses());
        if (c.billingProvider() != null) {
            n.put("billingProvider", c.billingProvider());
        }
        n.put("frequency", c.frequency().code());
        if (c.replacesClaimId() != null) {
            n.put("replacesClaimId", c.replacesClaimId());
        }
        return n;
    }

    public static ObjectNode attribution(Attribution a) {
        ObjectNode n = Mappers.json().createObjectNode();
        n.put("id", a.id()).put("memberId", a.memberId()).put("month", a.month().toString()).put("riskScore", a.riskScore());
        if (a.segment() != null) {
            n.put("segment", a.segment());
        }
        if (a.replacesId() != null) {
            n.put("replacesId", a.replacesId());
        }
        if (!a.active()) {
            n.put("active", false);
        }
        return n;
    }

    public static ObjectNode quality(QualityEvent q) {
        ObjectNode n = Mappers.json().createObjectNode();
        return n.put("id", q.id()).put("memberId", q.memberId()).put("measureId", q.measureId()).put("period", q.periodId())
                .put("kind", q.kind().name().toLowerCase());
    }

    private static void strings(ObjectNode n, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode a = n.putArray(field);
            values.forEach(a::add);
        }
    }
}
