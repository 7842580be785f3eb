package io.tiercare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Reads what every module's tests logged (each writes {@code target/test-run.log}, see the chassis defaults) after
 * they all ran: personal data must never reach a log line, whatever the tests did (registrations, imports, exports,
 * erasures, validation failures, dead letters).
 */
class TestRunLogsTest {

    private static final List<String> MODULES = List.of("chassis", "customer-service", "tiering-service",
            "care-service", "complaint-service", "api-gateway");

    /** A mainland mobile number, bare or with +86, not part of a longer run of digits or letters (ids, hashes). */
    static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])(?:\\+?86)?1[3-9][0-9]{9}(?![0-9A-Za-z])");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** The people the tests register, import and erase. */
    static final List<String> NAMES = List.of("段晓明", "王芳", "欧阳娜娜", "李四", "张三", "王\"小\"二");

    @Test
    void shouldHoldNoMobileNumberEmailOrNameInAnyLogLine() throws IOException {
        List<String> findings = new ArrayList<>();
        for (String module : MODULES) {
            Path log = Path.of("..", module, "target", "test-run.log");
            assertThat(log).as("the test log of " + module).exists();
            List<String> content = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(content).as("the test log of " + module + " holds its application's start")
                    .anyMatch(line -> line.contains(" started in "));
            for (int i = 0; i < content.size(); i++) {
                String finding = personalData(content.get(i));
                if (finding != null) {
                    findings.add(module + ":" + (i + 1) + " " + finding + ": " + abbreviate(content.get(i)));
                }
            }
        }
        assertThat(findings).as("log lines with personal data").isEmpty();
    }

    @Test
    void shouldRecogniseThePersonalDataItLooksFor() {
        assertThat(personalData("registered +8613812341234")).isEqualTo("mobile +8613812341234");
        assertThat(personalData("key (mobile)=(13812341234)")).isEqualTo("mobile 13812341234");
        assertThat(personalData("mail to li.si@example.com.cn failed")).isEqualTo("email li.si@example.com.cn");
        assertThat(personalData("customer 段晓明 merged")).isEqualTo("name 段晓明");
        assertThat(personalData("customer 01a22d0b-c928-7815-a0c1-7b663d2faa0e at 1764512345678 offset 13812341234567"))
                .isNull();
    }

    static String personalData(String line) {
        Matcher mobile = MOBILE.matcher(line);
        if (mobile.find()) {
            return "mobile " + mobile.group();
        }
        Matcher email = EMAIL.matcher(line);
        if (email.find()) {
            return "email " + email.group();
        }
        for (String name : NAMES) {
            if (line.contains(name)) {
                return "name " + name;
            }
        }
        return null;
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
