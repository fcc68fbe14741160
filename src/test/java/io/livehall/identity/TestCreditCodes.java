package io.livehall.identity;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid 统一社会信用代码 for tests (random organisation part, correct check character). */
public final class TestCreditCodes {

    private TestCreditCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder("91610100");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            code.append(CreditCode.ALPHABET.charAt(random.nextInt(CreditCode.ALPHABET.length())));
        }
        return code.append(CreditCode.checkCharacter(code.toString())).toString();
    }
}
