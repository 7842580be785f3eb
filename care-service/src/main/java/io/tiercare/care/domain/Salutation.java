package io.tiercare.care.domain;

import java.util.Set;

/**
 * How a message addresses the customer (称呼): the family name and 先生 or 女士 (段晓明, male → 段先生; 欧阳娜娜,
 * female → 欧阳女士). Compound family names are recognised from the common list; a customer whose gender is not
 * known is addressed by their full name, never by a guessed title.
 */
public final class Salutation {

    private static final Set<String> COMPOUND = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "申屠", "闻人",
            "澹台", "公冶", "太史", "赫连", "钟离", "濮阳", "呼延", "百里", "万俟");

    private Salutation() {
    }

    /** The family name of a Chinese name (its first character, or two for a compound family name). */
    public static String familyName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.length() >= 3 && COMPOUND.contains(trimmed.substring(0, 2))) {
            return trimmed.substring(0, 2);
        }
        return trimmed.isEmpty() ? "" : trimmed.substring(0, trimmed.offsetByCodePoints(0, 1));
    }

    /** 段先生 / 王女士, or the full name when the gender is unknown; 客户 when there is no name. */
    public static String of(String name, String gender) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return "客户";
        }
        if (!isChinese(trimmed)) {
            return trimmed;
        }
        return switch (gender == null ? "" : gender) {
            case "MALE" -> familyName(trimmed) + "先生";
            case "FEMALE" -> familyName(trimmed) + "女士";
            default -> trimmed;
        };
    }

    private static boolean isChinese(String name) {
        return Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.HAN;
    }
}
