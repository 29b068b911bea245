package org.vbcsettle.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes a rate as a plain decimal string (0.0432 = 4.32%), never in exponent form: JSON numbers lose
 * precision in many clients, and the HTTP API documents rates as decimal strings.
 */
final class PlainDecimal extends StdSerializer<BigDecimal> {

    PlainDecimal() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.toPlainString());
    }
}
