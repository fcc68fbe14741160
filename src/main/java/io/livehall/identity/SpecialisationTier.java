package io.livehall.identity;

/**
 * 专精特新 tier of an enterprise, lowest to highest: 创新型中小企业 → 专精特新中小企业 →
 * 专精特新“小巨人” → 制造业单项冠军. NONE when it holds no such recognition.
 */
public enum SpecialisationTier {
    NONE, INNOVATIVE_SME, SPECIALISED, LITTLE_GIANT, SINGLE_CHAMPION
}
