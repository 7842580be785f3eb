package io.tiercare.customer.service;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.customer.domain.CompanyScale;
import io.tiercare.customer.domain.CustomerType;
import io.tiercare.customer.domain.Gender;
import io.tiercare.customer.service.CustomerService.RegisterCustomer;

/**
 * The CSV form of a customer record, for import and export: UTF-8 (a BOM is fine), a header row naming the
 * columns in any order, RFC 4180 quoting (fields may hold commas, quotes and line breaks), tags separated by ";".
 */
public final class CustomerCsv {

    /** Every column, in the order exports write them; imports need at least type and name. */
    public static final List<String> COLUMNS = List.of("type", "name", "gender", "birthday", "mobilePhone", "email",
            "province", "city", "address", "industry", "companyScale", "sourceChannel", "tags", "usesCompetitor",
            "accountManagerId");
    public static final List<String> EXPORT_COLUMNS = concat(List.of("id", "status"), COLUMNS, List.of("createdAt"));

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private CustomerCsv() {
    }

    /** One data row: its line in the file (for error reports) and its values by column. */
    public record Row(int line, Map<String, String> values) {
    }

    /** Decodes and splits the file; a file that is not UTF-8 CSV with a known header is refused as a whole. */
    public static List<Row> parse(byte[] content) {
        String text = utf8(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class)
                .with(CsvSchema.emptySchema()).readValues(new StringReader(text))) {
            if (!it.hasNextValue()) {
                throw new InvalidInputException("file", "is empty: it needs a header row and at least one row");
            }
            List<String> header = it.nextValue().stream().map(h -> h == null ? "" : h.strip()).toList();
            checkHeader(header);
            while (it.hasNextValue()) {
                // the parser still stands at the end of the previous record: this record starts on the next line
                int line = it.getParser().currentTokenLocation().getLineNr() + 1;
                List<String> cells = it.nextValue();
                if (cells.size() == 1 && (cells.get(0) == null || cells.get(0).isBlank())) {
                    continue; // a blank line
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), i < cells.size() ? cells.get(i) : null);
                }
                if (cells.size() > header.size()) {
                    values.put("", "extra");
                }
                rows.add(new Row(line, values));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "is not valid CSV: " + firstLine(e.getMessage()));
        }
        return rows;
    }

    /** A row as a registration; a value that is not what its column holds is refused naming the column. */
    public static RegisterCustomer toRegistration(Row row) {
        Map<String, String> v = row.values();
        if (v.containsKey("")) {
            throw new InvalidInputException("row", "has more values than the header has columns");
        }
        return new RegisterCustomer(
                enumValue("type", v.get("type"), CustomerType.class, true), v.get("name"),
                enumValue("gender", v.get("gender"), Gender.class, false), date("birthday", v.get("birthday")),
                v.get("mobilePhone"), v.get("email"), v.get("province"), v.get("city"), v.get("address"),
                v.get("industry"), enumValue("companyScale", v.get("companyScale"), CompanyScale.class, false),
                v.get("sourceChannel"), tags(v.get("tags")), null, bool("usesCompetitor", v.get("usesCompetitor")),
                v.get("accountManagerId"));
    }

    public static void writeHeader(Writer out) throws IOException {
        out.write(String.join(",", EXPORT_COLUMNS));
        out.write("\r\n");
    }

    public static void writeRow(Writer out, CustomerView c) throws IOException {
        List<Object> values = Arrays.asList(c.id(), c.status(), c.type(), c.name(), c.gender(), c.birthday(),
                c.mobilePhone(), c.email(), c.province(), c.city(), c.address(), c.industry(), c.companyScale(),
                c.sourceChannel(), String.join(";", c.tags()), c.usesCompetitor(), c.accountManagerId(),
                c.createdAt());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(values.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    private static String quote(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // a leading = + - @ would be run as a formula by spreadsheet programs
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("[+-]?\\d[\\d.]*")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static void checkHeader(List<String> header) {
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                throw new InvalidInputException("header", "unknown column '" + column + "'; known columns: "
                        + String.join(", ", COLUMNS));
            }
        }
        if (!header.contains("type") || !header.contains("name")) {
            throw new InvalidInputException("header", "needs the columns type and name");
        }
        if (header.stream().distinct().count() != header.size()) {
            throw new InvalidInputException("header", "names a column twice");
        }
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "must not be blank");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date like 1988-05-20");
        }
    }

    private static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是" -> true;
            case "false", "no", "n", "0", "否" -> false;
            default -> throw new InvalidInputException(field, "must be true or false");
        };
    }

    private static List<String> tags(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[;|]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "is not UTF-8 text (save it as CSV UTF-8)");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
