package io.livehall.fair;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndustryTaxonomyTest {

    private final IndustryTaxonomy taxonomy = new IndustryTaxonomy();

    @Test
    void closenessIsTheDeepestSharedCategory() {
        assertThat(taxonomy.closeness("C367", "C367").depth()).isEqualTo(3);
        assertThat(taxonomy.closeness("C367", "C367").shared().name()).isEqualTo("汽车零部件及配件制造");
        assertThat(taxonomy.closeness("C367", "C361").depth()).isEqualTo(2);
        assertThat(taxonomy.closeness("C367", "C361").shared().name()).isEqualTo("汽车制造业");
        assertThat(taxonomy.closeness("C367", "C36").depth()).isEqualTo(2);
        assertThat(taxonomy.closeness("C367", "C339").shared().code()).isEqualTo("C");
        assertThat(taxonomy.closeness("C367", "I651").depth()).isZero();
        assertThat(taxonomy.closeness("C367", "Z99").depth()).isZero();
    }

    @Test
    void listingsUseDivisionsOrGroupsOnly() {
        assertThat(taxonomy.usable("C36")).isTrue();
        assertThat(taxonomy.usable("C367")).isTrue();
        assertThat(taxonomy.usable("C")).isFalse();
        assertThat(taxonomy.usable("C999")).isFalse();
        assertThat(taxonomy.usable(null)).isFalse();
        assertThat(taxonomy.all().get(0).code()).isEqualTo("A");
        assertThat(taxonomy.all()).allSatisfy(i -> assertThat(i.parent().isEmpty() || taxonomy.find(i.parent()).isPresent()).isTrue());
    }
}
