package io.tiercare.customer.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.tiercare.chassis.problem.InvalidInputException;

/**
 * The fields of a customer record a person edits (domain.md §2), always valid: names stripped, phone and email
 * normalised, a birthday not in the future, at least one way to reach the customer.
 */
public record CustomerProfile(String name, Gender gender, LocalDate birthday, String mobilePhone, String email,
        String province, String city, String address, String industry, CompanyScale companyScale,
        String sourceChannel, List<String> tags, UUID referredBy, boolean usesCompetitor) {

    public static final int MAX_TAGS = 20;
    private static final LocalDate EARLIEST_BIRTHDAY = LocalDate.of(1900, 1, 1);

    /** Normalises and checks every field; {@code today} is the business day, for the birthday. */
    public static CustomerProfile of(String name, Gender gender, LocalDate birthday, String mobilePhone,
            String email, String province, String city, String address, String industry, CompanyScale companyScale,
            String sourceChannel, List<String> tags, UUID referredBy, Boolean usesCompetitor, LocalDate today) {
        String phone = blank(mobilePhone) ? null : MobilePhone.normalise("mobilePhone", mobilePhone);
        String mail = blank(email) ? null : EmailAddress.normalise("email", email);
        if (phone == null && mail == null) {
            throw new InvalidInputException("mobilePhone", "a mobile phone or an email is required");
        }
        if (birthday != null && birthday.isAfter(today)) {
            throw new InvalidInputException("birthday", "must not be in the future");
        }
        if (birthday != null && birthday.isBefore(EARLIEST_BIRTHDAY)) {
            throw new InvalidInputException("birthday", "must be 1900-01-01 or later");
        }
        return new CustomerProfile(text("name", name, 200, true), gender, birthday, phone, mail,
                text("province", province, 50, false), text("city", city, 50, false),
                text("address", address, 300, false), text("industry", industry, 100, false), companyScale,
                text("sourceChannel", sourceChannel, 50, false), tags(tags), referredBy,
                usesCompetitor != null && usesCompetitor);
    }

    /** A builder holding this profile's values, for a PATCH to replace some and validate the result. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Collects field values by name (as a PATCH names them); {@link #build} normalises and checks them all. */
    public static final class Builder {
        private String name;
        private Gender gender;
        private LocalDate birthday;
        private String mobilePhone;
        private String email;
        private String province;
        private String city;
        private String address;
        private String industry;
        private CompanyScale companyScale;
        private String sourceChannel;
        private List<String> tags;
        private UUID referredBy;
        private boolean usesCompetitor;

        private Builder(CustomerProfile p) {
            name = p.name;
            gender = p.gender;
            birthday = p.birthday;
            mobilePhone = p.mobilePhone;
            email = p.email;
            province = p.province;
            city = p.city;
            address = p.address;
            industry = p.industry;
            companyScale = p.companyScale;
            sourceChannel = p.sourceChannel;
            tags = p.tags;
            referredBy = p.referredBy;
            usesCompetitor = p.usesCompetitor;
        }

        @SuppressWarnings("unchecked")
        public Builder set(String field, Object value) {
            switch (field) {
                case "name" -> name = (String) value;
                case "gender" -> gender = (Gender) value;
                case "birthday" -> birthday = (LocalDate) value;
                case "mobilePhone" -> mobilePhone = (String) value;
                case "email" -> email = (String) value;
                case "province" -> province = (String) value;
                case "city" -> city = (String) value;
                case "address" -> address = (String) value;
                case "industry" -> industry = (String) value;
                case "companyScale" -> companyScale = (CompanyScale) value;
                case "sourceChannel" -> sourceChannel = (String) value;
                case "tags" -> tags = value == null ? List.of() : (List<String>) value;
                case "referredBy" -> referredBy = (UUID) value;
                case "usesCompetitor" -> usesCompetitor = Boolean.TRUE.equals(value);
                default -> throw new InvalidInputException(field, "is not a known property");
            }
            return this;
        }

        public CustomerProfile build(LocalDate today) {
            return of(name, gender, birthday, mobilePhone, email, province, city, address, industry, companyScale,
                    sourceChannel, tags, referredBy, usesCompetitor, today);
        }
    }

    /** The names of the fields whose values differ from {@code other}'s. */
    public List<String> changedFrom(CustomerProfile other) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", name, other.name);
        compare(changed, "gender", gender, other.gender);
        compare(changed, "birthday", birthday, other.birthday);
        compare(changed, "mobilePhone", mobilePhone, other.mobilePhone);
        compare(changed, "email", email, other.email);
        compare(changed, "province", province, other.province);
        compare(changed, "city", city, other.city);
        compare(changed, "address", address, other.address);
        compare(changed, "industry", industry, other.industry);
        compare(changed, "companyScale", companyScale, other.companyScale);
        compare(changed, "sourceChannel", sourceChannel, other.sourceChannel);
        compare(changed, "tags", tags, other.tags);
        compare(changed, "referredBy", referredBy, other.referredBy);
        compare(changed, "usesCompetitor", usesCompetitor, other.usesCompetitor);
        return changed;
    }

    private static void compare(List<String> changed, String field, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add(field);
        }
    }

    private static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String tag : tags) {
            distinct.add(text("tags", tag, 30, true));
        }
        if (distinct.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(distinct);
    }

    private static String text(String field, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                throw new InvalidInputException(field, "must not be blank");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidInputException(field, "must not contain control characters");
        }
        if (stripped.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidInputException(field, "must contain a visible character");
        }
        return stripped;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
