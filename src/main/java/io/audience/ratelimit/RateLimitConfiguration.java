package io.audience.ratelimit;

import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Buckets in Redis when {@code spring.data.redis.url} names one, so every instance counts together. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    Buckets rateLimitBuckets(
            @Value("${spring.data.redis.url:}") String redisUrl,
            @Value("${audience.rate-limit.redis-prefix}") String prefix) {
        return redisUrl.isBlank()
                ? new LocalBuckets(TimeMeter.SYSTEM_MILLISECONDS)
                : new RedisBuckets(redisUrl, prefix);
    }

    @Bean
    RateLimiter rateLimiter(
            Buckets buckets,
            @Value("${audience.rate-limit.per-second}") long perSecond,
            @Value("${audience.rate-limit.per-day}") long perDay) {
        return new RateLimiter(buckets, perSecond, perDay);
    }

    @Bean
    FormLimits formLimits(
            Buckets buckets,
            @Value("${audience.forms.per-address-per-hour}") long perAddress,
            @Value("${audience.forms.per-form-per-hour}") long perForm) {
        return new FormLimits(buckets, perAddress, perForm);
    }
}
