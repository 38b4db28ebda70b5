package dev.paperstream.priority.api;

import dev.paperstream.events.ArxivId;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An arXiv id without version, as {@link ArxivId} (shared by every service) defines it; null is left to @NotNull. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UnversionedArxivId.Check.class)
public @interface UnversionedArxivId {
    String message() default "must be an arXiv id without version, like 2307.08691 or hep-th/9901001";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<UnversionedArxivId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ArxivId.isValidId(value);
        }
    }
}
