package io.livehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91610000MA6TG00007", "91610131MA6U000013", "91610104MA6W00002M"})
    void acceptsCodesWithACorrectCheckCharacter(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y44",   // wrong check character
            "91350100M000100Y4",    // 17 characters
            "91350100M000100Y430",  // 19 characters
            "91350100m000100Y43",   // lower case
            "9135010OM000100Y43",   // O is not in the alphabet
            "91A50100M000100Y43",   // region code must be digits
            ""})
    void refusesMalformedCodes(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Property(tries = 2000)
    void aComputedCheckCharacterAlwaysValidates(@ForAll("bodies") String first17) {
        assertThat(CreditCode.isValid(first17 + CreditCode.checkCharacter(first17))).isTrue();
    }

    @Property(tries = 2000)
    void changingAnyOneCharacterIsDetected(@ForAll("bodies") String first17,
                                           @ForAll @IntRange(min = 0, max = 16) int position,
                                           @ForAll @IntRange(min = 1, max = 30) int shift) {
        String code = first17 + CreditCode.checkCharacter(first17);
        char original = code.charAt(position);
        char replaced = CreditCode.ALPHABET.charAt((CreditCode.ALPHABET.indexOf(original) + shift) % 31);
        String altered = code.substring(0, position) + replaced + code.substring(position + 1);
        boolean regionStillDigits = position < 2 || position > 7 || Character.isDigit(replaced);
        if (regionStillDigits) {
            assertThat(CreditCode.isValid(altered)).isFalse();
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<Character> any = Arbitraries.of(CreditCode.ALPHABET.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Character> digit = Arbitraries.chars().range('0', '9');
        return net.jqwik.api.Combinators.combine(any.list().ofSize(2), digit.list().ofSize(6), any.list().ofSize(9))
                .as((a, b, c) -> join(a) + join(b) + join(c));
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder s = new StringBuilder();
        chars.forEach(s::append);
        return s.toString();
    }
}
