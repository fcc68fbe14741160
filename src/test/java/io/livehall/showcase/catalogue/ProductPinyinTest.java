package io.livehall.showcase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names to pinyin keys and queries to pinyin (pinyin4j), without Spring. */
class ProductPinyinTest {

    private final ProductPinyin pinyin = new ProductPinyin();

    @Test
    void fullPinyinAndInitialsKeepLatinAndDigitsAndDropPunctuation() {
        ProductPinyin.Keys keys = pinyin.of("东裕茶 Green·250g！");
        assertThat(keys.full()).isEqualTo("dongyuchagreen250g");
        assertThat(keys.initials()).isEqualTo("dycgreen250g");
    }

    @Test
    void heteronymsGiveEveryReadingAsAVariant() {
        ProductPinyin.Keys keys = pinyin.of("长安");
        assertThat(keys.full().split(" ")).contains("changan", "zhangan");
        assertThat(keys.initials().split(" ")).contains("ca", "za");
        assertThat(pinyin.of("绿茶").full().split(" ")).startsWith("lvcha");
    }

    @Test
    void variantsAreCappedAndEveryCharacterStillCounts() {
        ProductPinyin.Keys keys = pinyin.of("长长长长长长长长长长 茶");
        assertThat(keys.full().split(" ")).hasSizeLessThanOrEqualTo(ProductPinyin.MAX_VARIANTS)
                .allSatisfy(v -> assertThat(v).endsWith("cha").hasSizeGreaterThanOrEqualTo(10 * 4 + 3));
    }

    @Test
    void namesWithoutHanziOrLettersGiveEmptyKeys() {
        assertThat(pinyin.of("★ ！").full()).isEmpty();
        assertThat(pinyin.of("𠀀").initials()).isEmpty();
    }

    @Test
    void queriesOfLatinLettersAndDigitsArePinyin() {
        assertThat(ProductPinyin.query("DYC")).isEqualTo("dyc");
        assertThat(ProductPinyin.query(" Dong Yu'Cha ")).isEqualTo("dongyucha");
        assertThat(ProductPinyin.query("xifeng375")).isEqualTo("xifeng375");
        assertThat(ProductPinyin.query("375")).isNull();
        assertThat(ProductPinyin.query("东裕")).isNull();
        assertThat(ProductPinyin.query("d%c")).isNull();
        assertThat(ProductPinyin.query("d_c")).isNull();
        assertThat(ProductPinyin.query(null)).isNull();
    }
}
