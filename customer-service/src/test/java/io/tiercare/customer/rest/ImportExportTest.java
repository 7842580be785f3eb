package io.tiercare.customer.rest;

import static io.restassured.RestAssured.given;
import static io.tiercare.customer.CustomerApi.as;
import static io.tiercare.customer.CustomerApi.randomMobile;
import static io.tiercare.customer.CustomerApi.registerIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tiercare.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestOutbox;

@QuarkusTest
class ImportExportTest {

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Test
    void shouldImportValidRowsAndReportInvalidOnesByLine() {
        String tag = "imp-" + UUID.randomUUID().toString().substring(0, 8);
        String taken = randomMobile();
        String existing = registerIndividual(Map.of("name", "已存在", "mobilePhone", taken));
        String p1 = randomMobile();
        String p2 = randomMobile();
        String csv = "name,type,mobilePhone,city,address,tags,birthday\n"
                + "段晓明,INDIVIDUAL," + p1.substring(3) + ",杭州市,\"西湖区文三路 100 号, 3 单元\"," + tag + ";家电,1988-05-20\n"
                + "\"王\"\"小\"\"二\",individual,12345,宁波市,,\"" + tag + "\",\n"
                + "\"李\n四\",ENTERPRISE," + p2 + ",上海市,,\"" + tag + "\",\n"
                + "重复,INDIVIDUAL," + taken + ",,,\"" + tag + "\",\n"
                + "欧阳,INDIVIDUAL," + randomMobile() + ",,,\"" + tag + "\",2990-01-01\n"
                + "同号,INDIVIDUAL," + p1 + ",,,\"" + tag + "\",\n";

        String location = upload(csv).statusCode(202).body("status", equalTo("PENDING"))
                .body("totalRows", equalTo(6)).extract().header("Location");
        String jobId = location.substring(location.lastIndexOf('/') + 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
                as("ADMIN").when().get("/api/v1/customer-imports/" + jobId).then().extract().path("status")));

        as("ADMIN").when().get("/api/v1/customer-imports/" + jobId).then().statusCode(200)
                .body("processedRows", equalTo(6)).body("importedRows", equalTo(2)).body("failedRows", equalTo(4))
                .body("errors", hasSize(4))
                .body("errors[0].line", equalTo(3)).body("errors[0].field", equalTo("mobilePhone"))
                .body("errors[1].line", equalTo(6)).body("errors[1].message",
                        equalTo("already belongs to another customer"))
                .body("errors[2].line", equalTo(7)).body("errors[2].field", equalTo("birthday"))
                .body("errors[3].line", equalTo(8)).body("errors[3].message",
                        equalTo("already belongs to another customer"));

        as("AGENT").queryParam("tag", tag).when().get("/api/v1/customers").then()
                .body("totalItems", equalTo(2))
                .body("items.find { it.name == '段晓明' }.address", equalTo("西湖区文三路 100 号, 3 单元"))
                .body("items.find { it.name == '段晓明' }.tags", org.hamcrest.Matchers.contains(tag, "家电"))
                .body("items.find { it.name == '李\\n四' }.type", equalTo("ENTERPRISE"));
        assertThat(registeredEventsTagged(tag)).isEqualTo(2);

        upload(csv).statusCode(200).body("id", equalTo(jobId));
        as("AGENT").queryParam("tag", tag).when().get("/api/v1/customers").then().body("totalItems", equalTo(2));
    }

    @Test
    void shouldRefuseAFileThatIsNotCustomerCsv() {
        upload("name,type,shoeSize\n张三,INDIVIDUAL,42\n").statusCode(400)
                .body("violations[0].field", equalTo("header"))
                .body("detail", startsWith("header: unknown column 'shoeSize'"));
        upload("").statusCode(400).body("violations[0].field", equalTo("file"));
        upload("name,type\n").statusCode(400).body("detail", equalTo("file: has a header but no rows"));
        given().auth().oauth2(TestTokens.forRole("ADMIN")).contentType("text/csv")
                .body(new byte[] { 'n', 'a', 'm', 'e', ',', 't', 'y', 'p', 'e', '\n', (byte) 0xC3, (byte) 0x28, ',',
                        'X', '\n' })
                .when().post("/api/v1/customer-imports").then().statusCode(400)
                .body("detail", equalTo("file: is not UTF-8 text (save it as CSV UTF-8)"));
        given().auth().oauth2(TestTokens.forRole("AGENT")).contentType("text/csv").body("name,type\n甲,INDIVIDUAL\n")
                .when().post("/api/v1/customer-imports").then().statusCode(403);
    }

    @Test
    void shouldRefuseAFileLargerThanTheLimitWithoutStartingAJob() {
        long jobsBefore = TestDatabase.number(dataSource, "select count(*) from customer_import");
        StringBuilder csv = new StringBuilder("type,name,mobilePhone\n");
        for (int i = 0; csv.length() < 1_100_000; i++) {
            csv.append("INDIVIDUAL,过大文件客户").append(i).append(",1390000").append(String.format("%04d", i % 10_000))
                    .append('\n');
        }
        int bytes = csv.toString().getBytes(StandardCharsets.UTF_8).length;

        upload(csv.toString()).statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:tiercare:problem:payload-too-large"))
                .body("detail", equalTo("the body of " + bytes + " bytes is larger than the 1048576 bytes this "
                        + "service accepts"));
        assertThat(TestDatabase.number(dataSource, "select count(*) from customer_import")).isEqualTo(jobsBefore);
    }

    @Test
    void shouldExportTheFilteredCustomersAsCsvMaskedForAnalysts() {
        String tag = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = randomMobile();
        String id = registerIndividual(Map.of("name", "导出, 测试", "mobilePhone", phone, "tags", List.of(tag),
                "city", "杭州市"));

        String csv = text(as("ADMIN").queryParam("tag", tag).when().get("/api/v1/customers/export").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().body().asByteArray());
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("\uFEFFid,status,type,name,gender,birthday,mobilePhone,email,province,"
                + "city,address,industry,companyScale,sourceChannel,tags,usesCompetitor,accountManagerId,createdAt");
        assertThat(lines.get(1)).startsWith(id + ",ACTIVE,INDIVIDUAL,\"导出, 测试\",,," + phone + ",,,杭州市,,,,," + tag
                + ",false,,");

        String masked = text(as("ANALYST").queryParam("tag", tag).when().get("/api/v1/customers/export").then()
                .statusCode(200).extract().body().asByteArray());
        assertThat(masked).contains(phone.substring(3, 6) + "****" + phone.substring(10)).doesNotContain(phone);
        as("AGENT").when().get("/api/v1/customers/export").then().statusCode(403);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static ValidatableResponse upload(String csv) {
        return given().auth().oauth2(TestTokens.forRole("ADMIN")).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/v1/customer-imports?fileName=test.csv").then();
    }

    private long registeredEventsTagged(String tag) {
        return TestOutbox.published(dataSource, "customer.personal-data", "tiercare.customer.personal-data.v1")
                .stream()
                .filter(r -> r.value().contains("\"tags\":[\"" + tag + "\"")).count();
    }
}
