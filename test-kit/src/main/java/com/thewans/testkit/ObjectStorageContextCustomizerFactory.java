package com.thewans.testkit;

import java.util.List;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Starts the test S3 store only for test classes that ask for it with
 * {@code @WansServiceTest(storage = true)}, so other services' tests do not pay its start-up.
 * Registered in common's META-INF/spring.factories.
 */
public class ObjectStorageContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        WansServiceTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, WansServiceTest.class);
        return test != null && test.storage() ? new StorageCustomizer() : null;
    }

    /** Equal to every other instance, so storage-using test classes still share one context. */
    private static final class StorageCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            TestObjectStore store = TestInfrastructure.get().storage();
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("wans-test-object-store", store.properties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StorageCustomizer;
        }

        @Override
        public int hashCode() {
            return StorageCustomizer.class.hashCode();
        }
    }
}
