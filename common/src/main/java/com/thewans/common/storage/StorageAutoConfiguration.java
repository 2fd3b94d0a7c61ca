package com.thewans.common.storage;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import com.thewans.common.config.ClockAutoConfiguration;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * A {@link MinioClient} and the {@link ObjectStorage} facade for services that have the MinIO
 * client on their classpath and name a store ({@code wans.storage.endpoint}). Nothing here talks
 * to storage during start-up, so a service starts (and stays ready) while storage is down; the
 * calls that need it answer 503 until it is back.
 */
@AutoConfiguration(after = ClockAutoConfiguration.class)
@ConditionalOnClass(MinioClient.class)
@ConditionalOnProperty("wans.storage.endpoint")
@EnableConfigurationProperties(StorageProperties.class)
public class StorageAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageAutoConfiguration.class);

    /**
     * Idle connections are dropped after 30 s, before S3 servers close them (S3Mock and MinIO after about
     * a minute): with retries off, a connection the server had already closed would fail the next call
     * (a worker's first download after a long encode, say) instead of opening a fresh one.
     */
    private static final long IDLE_CONNECTION_SECONDS = 30;

    private static OkHttpClient http(StorageProperties properties) {
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(5, IDLE_CONNECTION_SECONDS, TimeUnit.SECONDS))
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    MinioClient minioClient(StorageProperties properties) {
        return MinioClient.builder().endpoint(properties.endpoint()).region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey()).httpClient(http(properties)).build();
    }

    @Bean
    @ConditionalOnMissingBean
    ObjectStorage objectStorage(MinioClient client, StorageProperties properties, Clock clock) {
        MinioAsyncClient async = MinioAsyncClient.builder().endpoint(properties.endpoint()).region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey()).httpClient(http(properties)).build();
        MinioClient presigner = MinioClient.builder().endpoint(properties.publicEndpoint()).region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey()).build();
        return new ObjectStorage(client, async, presigner, properties, clock);
    }

    /** Creates missing buckets once the service is up, off the main thread; an outage only logs. */
    @Bean
    @ConditionalOnProperty(name = "wans.storage.create-buckets", havingValue = "true")
    ApplicationListener<ApplicationReadyEvent> storageBuckets(ObjectStorage storage) {
        return event -> {
            Thread thread = new Thread(() -> {
                try {
                    storage.createMissingBuckets();
                } catch (RuntimeException e) {
                    log.warn("Object storage is not reachable yet ({}); buckets are not checked", e.getMessage());
                }
            }, "storage-buckets");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
