package io.audience.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Buckets in Redis, shared by every instance that names the same server and prefix. Bucket4j
 * updates a bucket with a compare-and-swap script, so concurrent instances never lose a count.
 */
final class RedisBuckets implements Buckets, AutoCloseable {

    /** A slow Redis must not hold requests for Lettuce's default minute. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** Kept a little past full, then Redis drops the key: a full bucket is the same as none. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final ProxyManager<String> proxies;

    RedisBuckets(String url, String prefix) {
        RedisURI uri = RedisURI.create(url);
        client = RedisClient.create(uri);
        // While the connection is down, fail at once (the request then passes) instead of queueing.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        try {
            connection = client.connect(ByteArrayCodec.INSTANCE);
        } catch (RedisConnectionException e) {
            client.shutdown();
            throw new IllegalStateException(
                    "SPRING_DATA_REDIS_URL (spring.data.redis.url) is set, but Redis at "
                            + uri.getHost() + ":" + uri.getPort()
                            + " does not answer; rate limits are kept there, so start "
                            + "Redis or unset the URL to keep them in memory",
                    e);
        }
        proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .requestTimeout(REQUEST_TIMEOUT)
                .build()
                .withMapper(key -> (prefix + key).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Bucket bucket(Limit limit) {
        return proxies.builder()
                .build(
                        limit.bucketKey(),
                        () -> BucketConfiguration.builder()
                                .addLimit(limit.bandwidth())
                                .build());
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
