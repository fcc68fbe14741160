package io.livehall.common.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person typed, fit to store and to show: no control characters (C0, DEL, C1; TAB, LF and CR only where
 * {@link #multiline()}), no bidi overrides or isolates (U+202A–U+202E, U+2066–U+2069), no lone surrogates.
 * Put it on every free-text {@code String} of a request record; null is left to {@code @NotBlank}. The rules are
 * {@link TextRules}, which also guard text that never meets Bean Validation (query parameters, STOMP bodies).
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    /** Whether TAB, LF and CR are allowed (descriptions, notes, agreement bodies). */
    boolean multiline() default false;

    /** Unused: each violation says what was wrong (see {@link TextRules}). */
    String message() default "包含不允许的字符";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = TextRules.problem(value, multiline);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
