package org.vbcsettle.ingest.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads X12 835 payment advices with StAEDI (io.xlate), which checks the envelope (ISA/IEA, GS/GE, ST/SE
 * control numbers and counts) and each segment's syntax; every error it reports, and every value this
 * reader cannot use (an amount with fractions of a cent, a date that is not one), is an
 * {@link X12Exception} naming the segment and element ({@code segment 12 PLB04}). Only what the remittance
 * check needs is kept: BPR, TRN, N1*PR, N1*PE and its REF*TJ, and the PLB adjustments.
 */
public final class Edi835Reader {
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private Edi835Reader() {
    }

    public static List<Remittance> read(String text) {
        List<Remittance> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader r = factory.createEDIStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            Builder b = null;
            String segment = null;
            String n1 = null;
            List<String> plb = null;
            while (r.hasNext()) {
                EDIStreamEvent e = r.next();
                switch (e) {
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add(where(r) + ": " + r.getErrorType()
                            + (r.getText() == null || r.getText().isEmpty() ? "" : " (" + r.getText() + ")"));
                    case START_TRANSACTION -> b = new Builder();
                    case START_SEGMENT -> {
                        segment = r.getText();
                        if (segment.equals("PLB")) {
                            plb = new ArrayList<>(List.of("", "", "", "", ""));
                        }
                    }
                    case ELEMENT_DATA -> {
                        if (b == null) {
                            break;
                        }
                        int el = r.getLocation().getElementPosition();
                        int comp = r.getLocation().getComponentPosition();
                        String v = r.getText();
                        switch (segment) {
                            case "BPR" -> {
                                if (el == 2) {
                                    b.total = cents(v, where(r), errors);
                                } else if (el == 4) {
                                    b.method = v;
                                } else if (el == 16) {
                                    b.date = date(v, where(r), errors);
                                }
                            }
                            case "TRN" -> {
                                if (el == 2) {
                                    b.trace = v;
                                }
                            }
                            case "N1" -> {
                                if (el == 1) {
                                    n1 = v;
                                } else if (el == 2 && "PR".equals(n1)) {
                                    b.payerName = v;
                                } else if (el == 2 && "PE".equals(n1)) {
                                    b.payeeName = v;
                                } else if (el == 4 && "PE".equals(n1)) {
                                    b.payeeNpi = v;
                                }
                            }
                            case "REF" -> {
                                if (el == 2 && "PR".equals(n1)) {
                                    b.payerId = v;
                                } else if (el == 2 && "PE".equals(n1)) {
                                    b.payeeTin = v;
                                }
                            }
                            case "PLB" -> {
                                // PLB03 is a composite: reason (component 1) and reference (component 2)
                                if (el == 3 && comp <= 1) {
                                    plb.set(2, v);
                                } else if (el == 3) {
                                    plb.set(3, v);
                                } else if (el == 2) {
                                    plb.set(1, v);
                                } else if (el == 4) {
                                    plb.set(4, v);
                                    LocalDate end = date(plb.get(1), where(r), errors);
                                    long amount = cents(v, where(r), errors);
                                    b.adjustments.add(new Remittance.Adjustment(plb.get(2), plb.get(3), amount, end));
                                }
                            }
                            default -> {
                            }
                        }
                    }
                    case END_TRANSACTION -> {
                        if (b != null) {
                            out.add(new Remittance(b.payerName, b.payerId, b.payeeName, b.payeeNpi, b.payeeTin, b.total, b.method,
                                    b.date, b.trace, b.adjustments));
                        }
                        b = null;
                        n1 = null;
                    }
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException | IOException | RuntimeException e) {
            errors.add("not a readable X12 interchange: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new X12Exception(errors);
        }
        return out;
    }

    private static String where(EDIStreamReader r) {
        var l = r.getLocation();
        return "segment " + l.getSegmentPosition() + (l.getElementPosition() > 0 ? " element " + l.getElementPosition() : "");
    }

    private static long cents(String v, String where, List<String> errors) {
        try {
            return X12.cents(v);
        } catch (ArithmeticException | NumberFormatException e) {
            errors.add(where + ": not an amount in whole cents: " + v);
            return 0;
        }
    }

    private static LocalDate date(String v, String where, List<String> errors) {
        try {
            return LocalDate.parse(v, CCYYMMDD);
        } catch (DateTimeParseException e) {
            errors.add(where + ": not a date (CCYYMMDD): " + v);
            return null;
        }
    }

    private static final class Builder {
        String payerName;
        String payerId;
        String payeeName;
        String payeeNpi;
        String payeeTin;
        long total;
        String method;
        LocalDate date;
        String trace;
        final List<Remittance.Adjustment> adjustments = new ArrayList<>();
    }
}
