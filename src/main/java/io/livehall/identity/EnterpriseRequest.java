package io.livehall.identity;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Enterprise data given at registration (企业信息). */
record EnterpriseRequest(
        @NotBlank(message = "请填写企业名称") @Size(max = 100, message = "企业名称不能超过 100 个字") @PlainText
        String name,
        @NotBlank(message = "请填写统一社会信用代码") @ValidCreditCode @PlainText
        String creditCode,
        @NotBlank(message = "请填写所在地区") @Size(max = 60, message = "地区不能超过 60 个字") @PlainText
        String region,
        @NotBlank(message = "请填写所属行业") @Size(max = 60, message = "行业不能超过 60 个字") @PlainText
        String industry,
        @NotNull(message = "请选择企业规模")
        EnterpriseSize size,
        SpecialisationTier tier) {
}
