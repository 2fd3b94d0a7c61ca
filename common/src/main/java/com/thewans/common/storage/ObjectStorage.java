package com.thewans.common.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Item;
import io.minio.messages.Part;

/**
 * The platform's door to S3-compatible storage: presigned URLs for browsers, stat, put, get,
 * delete, list, and multipart uploads whose parts the client sends straight to storage. Every
 * failure to reach storage becomes {@link StorageUnavailable} (503); what storage refuses as the
 * client's mistake becomes {@link StorageRequestRejected} (400); a missing object is an empty
 * Optional, not an exception.
 */
public class ObjectStorage {

    private static final Logger log = LoggerFactory.getLogger(ObjectStorage.class);
    /** S3 (SigV4) refuses presigned URLs that live longer than seven days. */
    public static final Duration MAX_PRESIGN_EXPIRY = Duration.ofDays(7);
    private static final List<String> MISSING = List.of("NoSuchKey", "NoSuchBucket", "NoSuchObject", "NotFound");

    private final MinioClient client;
    private final MinioAsyncClient asyncClient;
    private final MinioClient presigner;
    private final StorageProperties properties;
    private final Clock clock;

    public ObjectStorage(MinioClient client, MinioAsyncClient asyncClient, MinioClient presigner,
            StorageProperties properties, Clock clock) {
        this.client = client;
        this.asyncClient = asyncClient;
        this.presigner = presigner;
        this.properties = properties;
        this.clock = clock;
    }

    public StorageProperties.Buckets buckets() {
        return properties.buckets();
    }

    /** A URL the client PUTs the object's bytes to, sending {@code Content-Type: contentType}. */
    public PresignedRequest presignedPut(String bucket, String key, String contentType, Duration expiry) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
        return presign(Method.PUT, bucket, key, expiry, Map.of(), headers);
    }

    /** A URL a browser loads the object from. */
    public PresignedRequest presignedGet(String bucket, String key, Duration expiry) {
        return presign(Method.GET, bucket, key, expiry, Map.of(), Map.of());
    }

    public Optional<StoredObject> stat(String bucket, String key) {
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new StoredObject(bucket, key, stat.size(), stat.contentType(), unquote(stat.etag()),
                    stat.lastModified() == null ? null : stat.lastModified().toInstant()));
        } catch (Exception e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw translate(e);
        }
    }

    public boolean exists(String bucket, String key) {
        return stat(bucket, key).isPresent();
    }

    public StoredObject put(String bucket, String key, byte[] content, String contentType) {
        return put(bucket, key, new ByteArrayInputStream(content), content.length, contentType);
    }

    /** Stores {@code size} bytes from {@code content} (a known size streams without buffering). */
    public StoredObject put(String bucket, String key, InputStream content, long size, String contentType) {
        try {
            var written = client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(content, size, -1).contentType(contentType).build());
            return new StoredObject(bucket, key, size, contentType, unquote(written.etag()), Instant.now(clock));
        } catch (Exception e) {
            throw translate(e);
        }
    }

    /** The object's bytes as a stream the caller closes, or empty when there is no such object. */
    public Optional<InputStream> open(String bucket, String key) {
        return open(bucket, key, null, null);
    }

    /** {@code length} bytes from {@code offset} (for sniffing a file's first bytes), or empty. */
    public Optional<byte[]> readRange(String bucket, String key, long offset, long length) {
        Optional<InputStream> in = open(bucket, key, offset, length);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(stream.readNBytes((int) Math.min(length, Integer.MAX_VALUE - 8)));
        } catch (IOException e) {
            throw new StorageUnavailable(e);
        }
    }

    private Optional<InputStream> open(String bucket, String key, Long offset, Long length) {
        try {
            var args = GetObjectArgs.builder().bucket(bucket).object(key);
            if (offset != null) {
                args.offset(offset).length(length);
            }
            return Optional.of(client.getObject(args.build()));
        } catch (Exception e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw translate(e);
        }
    }

    /** Removes the object; removing one that is not there is not an error (S3 semantics). */
    public void delete(String bucket, String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            if (isMissing(e)) {
                return;
            }
            throw translate(e);
        }
    }

    /** Up to {@code limit} objects under {@code prefix}, in key order. */
    public List<StoredObject> list(String bucket, String prefix, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<StoredObject> objects = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).maxKeys(Math.min(limit, 1000)).build())) {
                Item item = result.get();
                if (item.isDir()) {
                    continue;
                }
                objects.add(new StoredObject(bucket, item.objectName(), item.size(), null, unquote(item.etag()),
                        item.lastModified() == null ? null : item.lastModified().toInstant()));
                if (objects.size() >= limit) {
                    break;
                }
            }
        } catch (Exception e) {
            throw translate(e);
        }
        objects.sort(Comparator.comparing(StoredObject::key));
        return objects;
    }

    /** Starts a multipart upload (for files too large for one PUT, like masters); returns its upload id. */
    public String createMultipartUpload(String bucket, String key, String contentType) {
        Multimap<String, String> headers = HashMultimap.create();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return await(() -> asyncClient.createMultipartUploadAsync(bucket, properties.region(), key, headers, null))
                .result().uploadId();
    }

    /** A URL the client PUTs part {@code partNumber} to; storage answers with the part's ETag header. */
    public PresignedRequest presignedPartPut(String bucket, String key, String uploadId, int partNumber,
            Duration expiry) {
        if (partNumber < 1 || partNumber > 10_000) {
            throw new IllegalArgumentException("S3 part numbers run from 1 to 10000: " + partNumber);
        }
        return presign(Method.PUT, bucket, key, expiry,
                Map.of("uploadId", uploadId, "partNumber", Integer.toString(partNumber)), Map.of());
    }

    /** Joins the parts into the object; the parts must be the ones uploaded, with their ETags. */
    public StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<UploadedPart> parts) {
        if (parts.isEmpty()) {
            throw new StorageRequestRejected("MalformedXML", "A multipart upload needs at least one part");
        }
        Part[] sorted = parts.stream().sorted(Comparator.comparingInt(UploadedPart::partNumber))
                .map(p -> new Part(p.partNumber(), p.etag())).toArray(Part[]::new);
        await(() -> asyncClient.completeMultipartUploadAsync(bucket, properties.region(), key, uploadId, sorted,
                null, null));
        return stat(bucket, key).orElseThrow(() -> new StorageUnavailable(
                new IllegalStateException("completed object " + key + " is not visible")));
    }

    /** Discards an upload and its parts; aborting one that is gone is not an error. */
    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        try {
            await(() -> asyncClient.abortMultipartUploadAsync(bucket, properties.region(), key, uploadId, null, null));
        } catch (StorageRequestRejected e) {
            // NoSuchUpload: already completed or aborted
        }
    }

    /** Creates any missing platform bucket; for stores nobody provisioned (a fresh MinIO). */
    public void createMissingBuckets() {
        var b = properties.buckets();
        for (String bucket : List.of(b.media(), b.masters(), b.assets())) {
            try {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                    log.info("Created bucket {}", bucket);
                }
            } catch (ErrorResponseException e) {
                String code = e.errorResponse().code();
                if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                    throw translate(e);
                }
            } catch (Exception e) {
                throw translate(e);
            }
        }
    }

    private PresignedRequest presign(Method method, String bucket, String key, Duration expiry,
            Map<String, String> query, Map<String, String> headers) {
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_PRESIGN_EXPIRY) > 0) {
            throw new IllegalArgumentException("presigned URLs live between 1 s and 7 days: " + expiry);
        }
        try {
            // the presigner has its region configured, so signing makes no network call
            String url = presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(method)
                    .bucket(bucket).object(key).expiry((int) expiry.toSeconds()).extraQueryParams(new HashMap<>(query))
                    .build());
            return new PresignedRequest(method.name(), URI.create(url), headers, Instant.now(clock).plus(expiry));
        } catch (Exception e) {
            throw translate(e);
        }
    }

    @FunctionalInterface
    private interface AsyncCall<T> {
        CompletableFuture<T> start() throws Exception;
    }

    private static <T> T await(AsyncCall<T> call) {
        try {
            return call.start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailable(e);
        } catch (Exception e) {
            throw translate(e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isMissing(Throwable e) {
        return unwrap(e) instanceof ErrorResponseException error && MISSING.contains(error.errorResponse().code());
    }

    private static RuntimeException translate(Throwable e) {
        Throwable cause = unwrap(e);
        if (cause instanceof StorageUnavailable || cause instanceof StorageRequestRejected) {
            return (RuntimeException) cause;
        }
        if (cause instanceof ErrorResponseException error) {
            String code = error.errorResponse().code();
            int status = error.response() == null ? 0 : error.response().code();
            if (status >= 400 && status < 500 && !"AccessDenied".equals(code) && !"SignatureDoesNotMatch".equals(code)
                    && !"InvalidAccessKeyId".equals(code)) {
                return new StorageRequestRejected(code, "Storage refused the request: " + code);
            }
        }
        if (cause instanceof IllegalArgumentException argument) {
            return argument; // a programming mistake in the caller, not an outage
        }
        // unreachable, timed out, 5xx, or our credentials are wrong: the service cannot do its job
        return new StorageUnavailable(cause);
    }

    private static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1)
                : etag;
    }
}
