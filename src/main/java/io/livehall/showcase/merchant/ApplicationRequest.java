package io.livehall.showcase.merchant;

import java.util.List;

import io.livehall.common.text.PlainText;
import io.livehall.showcase.ProductCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An application to a round, or its revision ({@code roundId} is then ignored). The enterprise data comes
 * from the applicant's account.
 */
record ApplicationRequest(
        Long roundId,
        @NotBlank(message = "请填写联系人") @Size(max = 40, message = "联系人不能超过 40 个字") @PlainText
        String contactName,
        @NotBlank(message = "请填写联系电话")
        @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "请填写有效的手机号")
        @PlainText
        String contactPhone,
        @NotNull(message = "请选择产品类别")
        ProductCategory category,
        @NotBlank(message = "请填写拟上架产品") @Size(max = 2000, message = "拟上架产品不能超过 2000 个字") @PlainText(multiline = true)
        String proposedProducts,
        @NotEmpty(message = "请上传资质文件（至少包括营业执照）")
        @Size(max = ApplicationRequest.MAX_DOCUMENTS, message = "资质文件不能超过 20 个")
        List<@Valid @NotNull(message = "请选择文件") DocumentInput> documents) {

    static final int MAX_DOCUMENTS = 20;
}
