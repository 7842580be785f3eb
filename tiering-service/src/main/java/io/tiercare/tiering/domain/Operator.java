package io.tiercare.tiering.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a rule compares a metric with its value. */
public enum Operator {

    GTE("gte", "≥"), GT("gt", ">"), LTE("lte", "≤"), LT("lt", "<"), EQ("eq", "="), NE("ne", "≠");

    private final String jsonName;
    private final String symbol;

    Operator(String jsonName, String symbol) {
        this.jsonName = jsonName;
        this.symbol = symbol;
    }

    public String jsonName() {
        return jsonName;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(BigDecimal actual, BigDecimal expected) {
        int c = actual.compareTo(expected);
        return switch (this) {
            case GTE -> c >= 0;
            case GT -> c > 0;
            case LTE -> c <= 0;
            case LT -> c < 0;
            case EQ -> c == 0;
            case NE -> c != 0;
        };
    }

    public static Optional<Operator> named(String name) {
        return Arrays.stream(values()).filter(o -> o.jsonName.equals(name)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Operator::jsonName).collect(Collectors.joining(", "));
    }
}
