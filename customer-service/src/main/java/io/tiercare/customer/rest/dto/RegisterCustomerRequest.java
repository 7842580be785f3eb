package io.tiercare.customer.rest.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tiercare.customer.domain.CompanyScale;
import io.tiercare.customer.domain.CustomerType;
import io.tiercare.customer.domain.Gender;
import io.tiercare.customer.service.CustomerService.RegisterCustomer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "RegisterCustomerRequest", description = "A mobile phone or an email is required")
public record RegisterCustomerRequest(
        @NotNull @Schema(examples = "INDIVIDUAL") CustomerType type,
        @NotBlank @Size(max = 200) @Schema(examples = "段晓明") String name,
        @Schema(examples = "MALE") Gender gender,
        @Schema(examples = "1988-05-20") LocalDate birthday,
        @Size(max = 32) @Schema(description = "Mainland mobile (stored as E.164 +86…) or any E.164 number",
                examples = "13812341234") String mobilePhone,
        @Size(max = 254) @Schema(examples = "duan.xiaoming@example.com") String email,
        @Schema(examples = "浙江省") String province,
        @Schema(examples = "杭州市") String city,
        @Schema(examples = "西湖区文三路 100 号") String address,
        @Schema(examples = "零售") String industry,
        CompanyScale companyScale,
        @Schema(examples = "STORE") String sourceChannel,
        @Size(max = 20) List<String> tags,
        @Schema(description = "The customer who referred this one (转介绍)") UUID referredBy,
        @Schema(description = "Uses a competitor's product (购买过竞品)") Boolean usesCompetitor,
        @Schema(description = "Assigned account manager's user id; an ACCOUNT_MANAGER registering is assigned") String accountManagerId) {

    public RegisterCustomer toCommand() {
        return new RegisterCustomer(type, name, gender, birthday, mobilePhone, email, province, city, address,
                industry, companyScale, sourceChannel, tags, referredBy, usesCompetitor, accountManagerId);
    }
}
