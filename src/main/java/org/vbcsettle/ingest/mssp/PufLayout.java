package org.vbcsettle.ingest.mssp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each {@link PufColumn} stands in a PUF's rows: found by its header name, except in the PY2013 file, whose
 * header names the ACO id {@code ACO Identifier} (no {@code ACO_ID}) and whose values stand one column right of
 * their labels from column {@value #PY2013_SHIFT_FROM_COLUMN} on. That file is read by position: a label at
 * column 13 or later reads the cell one to its right.
 *
 * @param index the cell position of each column found (already shifted in the PY2013 layout)
 * @param label the header label of each column found (for messages)
 * @param note  what the reader did about the layout, for the output (empty for the ordinary layouts)
 */
record PufLayout(Map<PufColumn, Integer> index, Map<PufColumn, String> label, String note) {

    /** 1-based column of the PY2013 file from which each value stands one column right of its label. */
    static final int PY2013_SHIFT_FROM_COLUMN = 13;
    static final String PY2013_ACO_ID = "ACO Identifier";

    /** The columns that name the track, one flag per track when there is no single track column. */
    static final List<PufColumn> TRACK_COLUMNS = List.of(PufColumn.TRACK, PufColumn.TRACK_1_PLUS, PufColumn.BASIC_A_FLAG,
            PufColumn.BASIC_B_FLAG, PufColumn.BASIC_C_FLAG, PufColumn.BASIC_D_FLAG, PufColumn.BASIC_E_FLAG,
            PufColumn.ENHANCED_FLAG, PufColumn.TRACK_3, PufColumn.TRACK_2, PufColumn.TRACK_1);

    PufLayout {
        index = Map.copyOf(index);
        label = Map.copyOf(label);
    }

    boolean has(PufColumn c) {
        return index.containsKey(c);
    }

    /** The header names found, by column (for the report). */
    Map<String, String> found() {
        Map<String, String> out = new LinkedHashMap<>();
        for (PufColumn c : PufColumn.values()) {
            if (label.containsKey(c)) {
                out.put(c.name(), label.get(c));
            }
        }
        return out;
    }

    /**
     * @param firstRow the first data row, to confirm the PY2013 shift (null when the file has no rows)
     * @throws PufFormatException naming the columns looked for and the columns found when a required column or
     *                            every track column is missing, or when a PY2013 header's rows are not shifted
     */
    static PufLayout of(Path file, List<String> header, List<String> firstRow) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(PufColumn.normalize(header.get(i)), i);
        }
        boolean py2013 = byName.containsKey(PufColumn.normalize(PY2013_ACO_ID)) && PufColumn.ACO_ID.names().stream()
                .noneMatch(n -> byName.containsKey(PufColumn.normalize(n)));
        if (py2013) {
            requireShiftedRows(file, header, firstRow);
        }
        Map<PufColumn, Integer> index = new EnumMap<>(PufColumn.class);
        Map<PufColumn, String> label = new EnumMap<>(PufColumn.class);
        for (PufColumn c : PufColumn.values()) {
            List<String> names = new ArrayList<>(c.names());
            if (py2013 && c == PufColumn.ACO_ID) {
                names.add(PY2013_ACO_ID);
            }
            for (String name : names) {
                Integer i = byName.get(PufColumn.normalize(name));
                if (i != null) {
                    index.put(c, py2013 && i >= PY2013_SHIFT_FROM_COLUMN - 1 ? i + 1 : i);
                    label.put(c, header.get(i).trim());
                    break;
                }
            }
            if (c.required() && !index.containsKey(c)) {
                throw new PufFormatException(file + ": no column for " + describe(c) + " (looked for " + String.join(", ", c.names())
                        + "; found " + columnsFound(header) + "); is this an MSSP ACO PUF?");
            }
        }
        if (TRACK_COLUMNS.stream().noneMatch(index::containsKey)) {
            List<String> looked = new ArrayList<>();
            TRACK_COLUMNS.forEach(c -> looked.add(c.names().get(0)));
            throw new PufFormatException(file + ": no track column (looked for " + String.join(", ", PufColumn.TRACK.names())
                    + " or the flags " + String.join(", ", looked.subList(1, looked.size())) + "; found " + columnsFound(header) + ")");
        }
        String note = py2013 ? "PY2013 layout (" + PY2013_ACO_ID + ", no ACO_ID): from column " + PY2013_SHIFT_FROM_COLUMN
                + " on each value stands one column right of its label; read by position" : "";
        return new PufLayout(index, label, note);
    }

    /** The PY2013 shift shows as one cell more in a row than labels in the header; anything else is refused. */
    private static void requireShiftedRows(Path file, List<String> header, List<String> firstRow) {
        if (firstRow != null && firstRow.size() != header.size() + 1) {
            throw new PufFormatException(file + ": the header names the ACO id '" + PY2013_ACO_ID + "' (the PY2013 layout, whose"
                    + " values stand one column right of their labels from column " + PY2013_SHIFT_FROM_COLUMN + " on), but its"
                    + " first row has " + firstRow.size() + " cells for " + header.size() + " labels, not one more: refusing to"
                    + " read it by position");
        }
    }

    private static String columnsFound(List<String> header) {
        List<String> names = new ArrayList<>();
        for (String h : header) {
            names.add(h.trim());
        }
        int shown = Math.min(names.size(), 40);
        String list = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? list + ", … (" + names.size() + " columns)" : list;
    }

    private static String describe(PufColumn c) {
        return switch (c) {
            case ACO_ID -> "the ACO id";
            case ASSIGNED -> "assigned beneficiaries";
            case BENCHMARK -> "the total benchmark";
            case EXPENDITURE -> "the total expenditure";
            case PUBLISHED_EARNED -> "the published earned savings/losses";
            default -> c.name().toLowerCase(Locale.ROOT);
        };
    }
}
