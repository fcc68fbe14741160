package io.livehall.showcase;

/** The hall's product categories: 名优新特, 文创, 非遗, 旅游纪念品 (applications and products share them). */
public enum ProductCategory {
    FAMOUS_QUALITY("名优新特"),
    CULTURAL_CREATIVE("文创"),
    INTANGIBLE_HERITAGE("非遗"),
    TOURISM_SOUVENIR("旅游纪念品");

    private final String label;

    ProductCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
