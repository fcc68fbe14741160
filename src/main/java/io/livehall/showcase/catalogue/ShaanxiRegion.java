package io.livehall.showcase.catalogue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A product's region: one of Shaanxi's ten prefecture-level cities or the Yangling demonstration zone (a fixed
 * list, so the public filter has a chip per region). Null is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = ShaanxiRegion.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface ShaanxiRegion {

    List<String> ALL = List.of("西安市", "宝鸡市", "咸阳市", "铜川市", "渭南市", "延安市", "榆林市", "汉中市",
            "安康市", "商洛市", "杨凌示范区");

    String message() default "产地须为陕西省的地级市或杨凌示范区";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ShaanxiRegion, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ALL.contains(value.strip());
        }
    }
}
