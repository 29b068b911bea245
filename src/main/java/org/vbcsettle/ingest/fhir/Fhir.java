package org.vbcsettle.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;

/**
 * The one FHIR R4 context of the process. Building it scans the model classes (hundreds of milliseconds, and
 * megabytes): it is created once, on first use, and shared; parsers are cheap and not thread-safe, so each
 * read or write takes a new one.
 */
public final class Fhir {

    private Fhir() {
    }

    private static final class Holder {
        static final FhirContext R4 = FhirContext.forR4();
    }

    public static FhirContext context() {
        return Holder.R4;
    }

    /**
     * A JSON parser that keeps going over what it does not know (FHIR is open: profiles add elements and
     * extensions) and does not log it; an invalid primitive is kept as the text that was sent, so the record
     * rules report it with their own message.
     */
    public static IParser jsonParser() {
        return context().newJsonParser().setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
    }
}
