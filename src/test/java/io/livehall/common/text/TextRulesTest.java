package io.livehall.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livehall.common.error.ApiProblem;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void acceptsOrdinaryTextOfEveryScript() {
        for (String text : new String[] {"东裕绿茶 250g", "陕西省西安市雁塔区 1 号", "好茶😀👍🏽", "Ünïcødé – “quotes”", "عربي", "", "   "}) {
            assertThat(TextRules.problem(text, false)).as(text).isNull();
        }
        assertThat(TextRules.problem(null, false)).isNull();
        assertThat(TextRules.problem("第一行\n第二行\r\n\t缩进", true)).isNull();
    }

    @Test
    void refusesControlCharactersC0DelAndC1() {
        for (char c : new char[] {0, 1, 7, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F}) {
            assertThat(TextRules.problem("a" + c + "b", true)).as("U+%04X", (int) c).isEqualTo(TextRules.CONTROL);
        }
    }

    @Test
    void refusesLineBreaksAndTabsOnlyInSingleLineText() {
        for (String c : new String[] {"\n", "\r", "\t"}) {
            assertThat(TextRules.problem("a" + c + "b", false)).isEqualTo(TextRules.LINE_BREAK);
            assertThat(TextRules.problem("a" + c + "b", true)).isNull();
        }
    }

    @Test
    void refusesBidiOverridesAndIsolatesButNotMarks() {
        for (char c = 0x202A; c <= 0x202E; c++) {
            assertThat(TextRules.problem("a" + c + "b", true)).isEqualTo(TextRules.BIDI);
        }
        for (char c = 0x2066; c <= 0x2069; c++) {
            assertThat(TextRules.problem("a" + c + "b", true)).isEqualTo(TextRules.BIDI);
        }
        assertThat(TextRules.problem("a\u200Eb\u200Fc", false)).as("LRM/RLM are harmless marks").isNull();
    }

    @Test
    void refusesLoneSurrogatesButNotPairs() {
        assertThat(TextRules.problem("a\uD800b", false)).isEqualTo(TextRules.SURROGATE);
        assertThat(TextRules.problem("a\uDC00", false)).isEqualTo(TextRules.SURROGATE);
        assertThat(TextRules.problem("\uD800", false)).isEqualTo(TextRules.SURROGATE);
        assertThat(TextRules.problem("\uDC00\uD800", false)).isEqualTo(TextRules.SURROGATE);
        assertThat(TextRules.problem("\uD83D\uDE00", false)).isNull();
    }

    @Test
    void theGuardNamesTheField() {
        assertThat(TextRules.requireLine("q", "绿茶")).isEqualTo("绿茶");
        assertThat(TextRules.requireLine("q", null)).isNull();
        assertThatThrownBy(() -> TextRules.requireLine("q", "a\u0000"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.getStatusCode().value()).isEqualTo(400);
                    assertThat(p.getBody().getProperties()).extractingByKey("errors").asString().contains("q", TextRules.CONTROL);
                });
    }
}
