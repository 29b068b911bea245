package org.vbcsettle.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vbcsettle.contract.mssp.MsspProgram;
import org.vbcsettle.money.Money;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads contract documents (YAML, or JSON) into {@link Contract}s and validates them. Every problem is
 * reported, not only the first: Jackson stops at its first mapping error, so the loader records it, removes
 * the offending node from the document tree and maps again, until the document maps; then
 * {@link ContractValidator} checks the terms. A semantic problem under a field that already failed to map is
 * not reported twice.
 */
public final class ContractLoader {

    /** Bound on mapping retries: a document with more broken fields than this is hopeless anyway. */
    private static final int MAX_MAPPING_ERRORS = 200;

    private ContractLoader() {
    }

    public enum Format {
        YAML, JSON;

        /** {@code .json} is JSON; everything else ({@code .yaml}, {@code .yml}) is YAML, a superset of JSON. */
        public static Format ofFileName(String name) {
            return name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        }

        ObjectMapper mapper() {
            return this == JSON ? Mappers.json() : Mappers.yaml();
        }
    }

    /** The outcome of reading one document: a contract when there are no errors. */
    public record Result(String source, Contract contract, List<String> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        public Contract orThrow() {
            if (!ok()) {
                throw new ContractException(errors);
            }
            return contract;
        }
    }

    /** Loads and validates one file; throws {@link ContractException} listing every problem. */
    public static Contract load(Path file) {
        return read(file).orThrow();
    }

    /** Reads and validates one file; the source named in errors is the path as given. */
    public static Result read(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Result(source, null, List.of(new ContractProblem(source, "", "cannot read: " + e).toString()));
        }
        return parse(text, source, Format.ofFileName(source));
    }

    /** Parses and validates a document held in memory (e.g. an HTTP request body). */
    public static Result parse(String text, String source, Format format) {
        JsonNode root;
        try {
            root = readTree(text, format);
        } catch (JsonProcessingException e) {
            return failed(source, syntaxError(e));
        }
        return parse(root, source, format);
    }

    /** The document's tree, as {@link #parse(JsonNode, String, Format)} takes it; a key given twice is an error. */
    public static JsonNode readTree(String text, Format format) throws JsonProcessingException {
        return format.mapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(text);
    }

    /** Maps and validates a document already parsed (the caller read its tree); mapping errors prune {@code root}. */
    public static Result parse(JsonNode root, String source, Format format) {
        List<ContractProblem> problems = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return failed(source, "the document is empty");
        }
        if (!(root instanceof ObjectNode tree)) {
            return failed(source, "a contract document must be a mapping of contract fields, was " + root.getNodeType());
        }
        List<MsspProgram.Choice> programs = MsspProgram.take(tree, source, problems);
        List<String> removedPaths = new ArrayList<>();
        Contract contract = null;
        for (int attempt = 0; attempt <= MAX_MAPPING_ERRORS; attempt++) {
            try {
                contract = format.mapper().treeToValue(tree, Contract.class);
                break;
            } catch (JsonMappingException e) {
                List<JsonMappingException.Reference> refs = e.getPath();
                problems.add(new ContractProblem(source, Mappers.pathOf(refs) + typeIdSuffix(e), describe(e)));
                if (refs.isEmpty() || !remove(tree, refs)) {
                    break;
                }
                removedPaths.add(Mappers.pathOf(refs));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add(new ContractProblem(source, "", firstLine(e.getMessage())));
                break;
            }
        }
        if (contract != null) {
            contract = MsspProgram.apply(contract, programs);
            for (ContractProblem p : ContractValidator.problems(contract, source)) {
                if (!under(p.path(), removedPaths)) {
                    problems.add(p);
                }
            }
        }
        List<String> errors = problems.stream().map(ContractProblem::toString).collect(Collectors.toList());
        return new Result(source, errors.isEmpty() ? contract : null, errors);
    }

    private static Result failed(String source, String message) {
        return new Result(source, null, List.of(new ContractProblem(source, "", message).toString()));
    }

    private static String syntaxError(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
        return where + "not a valid document: " + parserMessage(e.getOriginalMessage());
    }

    /** The YAML parser's message without its indented excerpt lines ("in 'reader', line 2 ...", "^"). */
    private static String parserMessage(String message) {
        if (message == null) {
            return "invalid";
        }
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                parts.add(line.trim());
            }
        }
        return parts.isEmpty() ? firstLine(message) : String.join("; ", parts);
    }

    private static boolean under(String path, List<String> prefixes) {
        for (String p : prefixes) {
            if (path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "[")) {
                return true;
            }
        }
        return false;
    }

    /** Removes the node a mapping error points at (an array element becomes null, keeping indices stable). */
    private static boolean remove(ObjectNode root, List<JsonMappingException.Reference> refs) {
        JsonNode parent = root;
        for (int i = 0; i < refs.size() - 1; i++) {
            parent = child(parent, refs.get(i));
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = refs.get(refs.size() - 1);
        if (parent instanceof ObjectNode o && last.getFieldName() != null && o.has(last.getFieldName())) {
            o.remove(last.getFieldName());
            return true;
        }
        if (parent instanceof ArrayNode a && last.getIndex() >= 0 && last.getIndex() < a.size()
                && !a.get(last.getIndex()).isNull()) {
            a.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }

    private static JsonNode child(JsonNode node, JsonMappingException.Reference ref) {
        if (ref.getFieldName() != null) {
            return node.get(ref.getFieldName());
        }
        return ref.getIndex() >= 0 ? node.get(ref.getIndex()) : null;
    }

    /** An unknown or missing {@code type}/{@code method} is reported at that property, not at its parent. */
    private static String typeIdSuffix(JsonMappingException e) {
        if (e instanceof InvalidTypeIdException t && t.getBaseType() != null) {
            JsonTypeInfo info = t.getBaseType().getRawClass().getAnnotation(JsonTypeInfo.class);
            if (info != null) {
                return (e.getPath().isEmpty() ? "" : ".") + info.property();
            }
        }
        return "";
    }

    static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            return "unknown field" + (known == null || known.isEmpty() ? ""
                    : " (expected one of: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        }
        if (e instanceof InvalidTypeIdException t) {
            String allowed = allowedTypeNames(t);
            return t.getTypeId() == null
                    ? "is required" + (allowed.isEmpty() ? "" : " (one of: " + allowed + ")")
                    : "unknown value '" + t.getTypeId() + "'" + (allowed.isEmpty() ? "" : " (one of: " + allowed + ")");
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return firstLine(cause == null ? v.getOriginalMessage() : cause.getMessage());
        }
        if (e instanceof InvalidFormatException f) {
            return "must be " + expected(f.getTargetType()) + ", was '" + f.getValue() + "'";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "must be " + expected(m.getTargetType());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String allowedTypeNames(InvalidTypeIdException t) {
        if (t.getBaseType() == null) {
            return "";
        }
        JsonSubTypes sub = t.getBaseType().getRawClass().getAnnotation(JsonSubTypes.class);
        if (sub == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (JsonSubTypes.Type type : sub.value()) {
            names.add(type.name());
        }
        return String.join(", ", names);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Money.class) {
            return "an amount: whole cents (2850000) or a dollar string (\"$28,500.00\")";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a mapping of fields (" + type.getSimpleName() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
