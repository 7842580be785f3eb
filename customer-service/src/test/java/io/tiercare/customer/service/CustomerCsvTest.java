package io.tiercare.customer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.customer.domain.CustomerType;

class CustomerCsvTest {

    @Test
    void shouldNumberRowsByTheLineTheyStartOnEvenAfterQuotedLineBreaks() {
        String csv = "\uFEFFname,type\nA,INDIVIDUAL\n\"B\nB\",ENTERPRISE\n\nC,INDIVIDUAL\n";
        List<CustomerCsv.Row> rows = CustomerCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(CustomerCsv.Row::line).containsExactly(2, 3, 6);
        assertThat(rows.get(1).values()).containsEntry("name", "B\nB").containsEntry("type", "ENTERPRISE");
    }

    @Test
    void shouldReadEveryColumnOfARow() {
        var row = CustomerCsv.parse(("type,name,gender,birthday,tags,usesCompetitor,companyScale\n"
                + "enterprise,杭州示例,undisclosed,1990-02-28,a; b|c,是,small\n").getBytes(StandardCharsets.UTF_8))
                .get(0);
        var registration = CustomerCsv.toRegistration(row);
        assertThat(registration.type()).isEqualTo(CustomerType.ENTERPRISE);
        assertThat(registration.tags()).containsExactly("a", "b", "c");
        assertThat(registration.usesCompetitor()).isTrue();
        assertThat(registration.birthday()).hasToString("1990-02-28");
    }

    @Test
    void shouldNameTheColumnOfABadValue() {
        var row = CustomerCsv.parse("type,name,birthday\nINDIVIDUAL,甲,28/02/1990\n".getBytes(StandardCharsets.UTF_8))
                .get(0);
        assertThatThrownBy(() -> CustomerCsv.toRegistration(row)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("birthday");
        var extra = CustomerCsv.parse("type,name\nINDIVIDUAL,甲,多余\n".getBytes(StandardCharsets.UTF_8)).get(0);
        assertThatThrownBy(() -> CustomerCsv.toRegistration(extra)).hasMessage(
                "has more values than the header has columns");
    }

    @Test
    void shouldQuoteExportedValuesAndDefuseFormulas() throws Exception {
        StringWriter out = new StringWriter();
        CustomerCsv.writeRow(out, new CustomerView(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"),
                CustomerType.INDIVIDUAL, io.tiercare.customer.domain.CustomerStatus.ACTIVE, "=HYPERLINK(\"x\")", null,
                null, "+8613812341234", null, null, null, "a,b", null, null, null, List.of("t1", "t2"), null, false,
                null, null, List.of(), false, java.time.Instant.parse("2026-01-01T00:00:00Z"),
                java.time.Instant.parse("2026-01-01T00:00:00Z"), 0));
        assertThat(out.toString()).isEqualTo("00000000-0000-0000-0000-000000000001,ACTIVE,INDIVIDUAL,"
                + "\"'=HYPERLINK(\"\"x\"\")\",,,+8613812341234,,,,\"a,b\",,,,t1;t2,false,,2026-01-01T00:00:00Z\r\n");
    }
}
