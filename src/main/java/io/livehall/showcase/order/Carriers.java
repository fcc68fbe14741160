package io.livehall.showcase.order;

import java.util.List;

/**
 * The express carriers a merchant ships with, and what a tracking number looks like. The front end mirrors the list
 * in {@code frontend/src/pages/merchant/carriers.ts}.
 */
final class Carriers {

    /** common Chinese express carriers, as merchants and buyers know them */
    static final List<String> NAMES = List.of("顺丰速运", "中国邮政 EMS", "京东物流", "中通快递", "圆通速递", "申通快递",
            "韵达快递", "极兔速递", "德邦快递", "邮政快递包裹", "百世快递", "跨越速运");

    /** {@link #NAMES} as one alternation, for {@code @Pattern} (must stay equal to it: CarriersTest checks). */
    static final String PATTERN = "顺丰速运|中国邮政 EMS|京东物流|中通快递|圆通速递|申通快递|韵达快递|极兔速递|德邦快递|邮政快递包裹|百世快递|跨越速运";

    /**
     * A tracking number: 8-30 letters and digits (SF1234567890123, EA123456789CN, JT0001234567890, 773123456789012),
     * optionally with hyphens between groups; no spaces.
     */
    static final String TRACKING_NO = "[A-Za-z0-9]+(-[A-Za-z0-9]+)*";

    private Carriers() {
    }
}
