package io.livehall.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every text a request body carries meets {@link PlainText} (or, for a new password, the password rule): the
 * sweep in {@code BadTextSweepTest} tries today's fields, this keeps tomorrow's request records honest.
 */
class PlainTextCoverageTest {

    /** Login and a password change compare the current password with a hash and store nothing. */
    private static final Set<String> EXEMPT = Set.of("io.livehall.identity.LoginRequest.password",
            "io.livehall.identity.PasswordChange.currentPassword");

    @Test
    void everyTextFieldOfEveryRequestBodyIsPlainText() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> bodies = new HashSet<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("io.livehall")) {
            Class<?> controller = ClassUtils.forName(bean.getBeanClassName(), getClass().getClassLoader());
            for (Method method : controller.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        bodies.add(parameter.getType());
                    }
                }
            }
        }
        assertThat(bodies).hasSizeGreaterThan(15);
        List<String> unguarded = new ArrayList<>();
        for (Class<?> body : bodies) {
            check(body, unguarded, new HashSet<>());
        }
        assertThat(unguarded).as("String components without @PlainText").isEmpty();
    }

    private static void check(Class<?> type, List<String> unguarded, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = type.getName() + "." + component.getName();
            checkType(component.getAnnotatedType(), component, name, unguarded, seen);
        }
    }

    private static void checkType(AnnotatedType annotated, AnnotatedElement element, String name, List<String> unguarded,
                                  Set<Class<?>> seen) {
        if (annotated.getType() == String.class) {
            boolean guarded = annotated.isAnnotationPresent(PlainText.class)
                    || element != null && (element.isAnnotationPresent(PlainText.class)
                    || element.getAnnotations().length > 0 && java.util.Arrays.stream(element.getAnnotations())
                    .anyMatch(a -> a.annotationType().getSimpleName().equals("ValidPassword")));
            if (!guarded && !EXEMPT.contains(name)) {
                unguarded.add(name);
            }
        } else if (annotated instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                checkType(argument, null, name + "[]", unguarded, seen);
            }
        } else if (annotated.getType() instanceof Class<?> nested) {
            check(nested, unguarded, seen);
        }
    }
}
