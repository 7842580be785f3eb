package io.tiercare.tiering.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The metric catalogue: everything a tier rule may test, computed from the metrics projection as of the evaluation
 * day (business time zone). "12 months" is the current calendar month and the 11 before it; money is CNY net of
 * refunds. A metric without a value (no purchase yet, no rating yet) makes every comparison on it false and scores 0.
 */
public enum Metric {

    SPEND_12M("spend12m", Kind.MONEY, "net spend in the trailing 12 months"),
    SPEND_TOTAL("spendTotal", Kind.MONEY, "net spend ever"),
    SPEND_LAST_6M("spendLast6m", Kind.MONEY, "net spend in the current month and the 5 before"),
    SPEND_PREVIOUS_6M("spendPrevious6m", Kind.MONEY, "net spend in the 6 months before those"),
    SPEND_TREND_6M("spendTrend6m", Kind.RATIO, "spendLast6m / spendPrevious6m (no value when the earlier is 0)"),
    PURCHASES_12M("purchases12m", Kind.COUNT, "purchases in the trailing 12 months"),
    PURCHASES_TOTAL("purchasesTotal", Kind.COUNT, "purchases ever"),
    REPEAT_PURCHASES_12M("repeatPurchases12m", Kind.COUNT, "purchases in the trailing 12 months after the first"),
    AVERAGE_ORDER_VALUE_12M("averageOrderValue12m", Kind.MONEY, "spend12m / purchases12m"),
    DAYS_SINCE_LAST_PURCHASE("daysSinceLastPurchase", Kind.DAYS,
            "days since the last purchase (since registration when there is none)"),
    DAYS_SINCE_FIRST_PURCHASE("daysSinceFirstPurchase", Kind.DAYS, "days since the first purchase"),
    TENURE_DAYS("tenureDays", Kind.DAYS, "days since registration"),
    INQUIRIES_TOTAL("inquiriesTotal", Kind.COUNT, "inquiries and feedback recorded"),
    COMPLAINTS_12M("complaints12m", Kind.COUNT, "complaints filed in the trailing 12 months"),
    OPEN_COMPLAINTS("openComplaints", Kind.COUNT, "complaints not yet resolved"),
    SEVERE_OPEN_COMPLAINTS("severeOpenComplaints", Kind.COUNT, "open complaints of severity HIGH or CRITICAL"),
    AVERAGE_RATING("averageRating", Kind.RATIO, "average satisfaction rating (1–5) of rated complaints"),
    RATINGS("ratings", Kind.COUNT, "satisfaction ratings given"),
    CARE_CONTACTS_12M("careContacts12m", Kind.COUNT,
            "care contacts in the trailing 12 months where the customer was reached (participation)"),
    CARE_SATISFACTION_12M("careSatisfaction12m", Kind.RATIO,
            "average satisfaction (1–5) given in care contacts in the trailing 12 months"),
    REFERRALS("referrals", Kind.COUNT, "customers registered as referred by this one (转介绍)"),
    USES_COMPETITOR("usesCompetitor", Kind.BOOLEAN, "uses a competitor's product"),
    SCORE("score", Kind.SCORE, "the scheme's weighted score, 0–100 (schemes with a scorecard only)");

    public enum Kind {
        MONEY, COUNT, DAYS, RATIO, BOOLEAN, SCORE
    }

    private static final Map<String, Metric> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(Metric::jsonName, Function.identity()));

    private final String jsonName;
    private final Kind kind;
    private final String description;

    Metric(String jsonName, Kind kind, String description) {
        this.jsonName = jsonName;
        this.kind = kind;
        this.description = description;
    }

    public String jsonName() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public static Optional<Metric> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String catalogue() {
        return Arrays.stream(values()).map(Metric::jsonName).collect(Collectors.joining(", "));
    }
}
