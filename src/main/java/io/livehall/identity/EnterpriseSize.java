package io.livehall.identity;

/** 企业规模 per the SME classification: 微型 / 小型 / 中型 / 大型. */
public enum EnterpriseSize {
    MICRO, SMALL, MEDIUM, LARGE
}
