package com.thewans.identity.profile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.TreeSet;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** One of {@link Language#SUPPORTED}; null is allowed (the field is then defaulted). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SupportedLanguage.Validator.class)
@interface SupportedLanguage {

    String message() default "must be one of the supported languages";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SupportedLanguage, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Language.SUPPORTED.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + new TreeSet<>(Language.SUPPORTED))
                    .addConstraintViolation();
            return false;
        }
    }
}
