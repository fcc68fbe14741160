package io.livehall.showcase.catalogue;

import java.util.List;

import io.livehall.common.money.MoneyBounds;
import io.livehall.common.text.PlainText;
import io.livehall.showcase.ProductCategory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

/**
 * A product as a merchant writes it (create and update). {@code imageIds} are IMAGE files in display order;
 * {@code version} is the version the merchant edited, required on update (a stale one answers 409).
 */
record ProductRequest(
        @NotBlank(message = "请填写商品名称")
        @Size(max = 100, message = "商品名称不能超过 100 个字") @PlainText
        String name,
        @NotNull(message = "请选择品类")
        ProductCategory category,
        @NotBlank(message = "请选择产地")
        @ShaanxiRegion @PlainText
        String region,
        @Size(max = 5000, message = "商品介绍不能超过 5000 个字") @PlainText(multiline = true)
        String description,
        @NotNull(message = "请填写价格")
        @Positive(message = "价格须大于 0")
        @Max(value = MoneyBounds.MAX_PRICE_FEN, message = "价格不能超过 1000 万元")
        Long priceFen,
        @NotNull(message = "请填写库存")
        @PositiveOrZero(message = "库存不能为负数")
        @Max(value = 10_000_000, message = "库存不能超过 1000 万件")
        Integer stock,
        List<@NotNull(message = "销售渠道无效") SalesChannel> channels,
        @Size(max = 9, message = "最多 9 张图片")
        List<@NotNull(message = "图片编号无效") Long> imageIds,
        @NotNull(groups = OnUpdate.class, message = "缺少版本号，请刷新后重试")
        Integer version) {

    /** Validation group of updates: the default rules plus a required {@code version}. */
    interface OnUpdate extends Default {
    }

    List<SalesChannel> channelList() {
        return channels == null ? List.of() : channels.stream().distinct().sorted().toList();
    }

    List<Long> imageList() {
        return imageIds == null ? List.of() : imageIds;
    }

    String descriptionText() {
        return description == null ? "" : description.strip();
    }
}
