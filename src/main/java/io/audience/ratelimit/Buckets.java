package io.audience.ratelimit;

import io.github.bucket4j.Bucket;

/** Where the token buckets live: in this process, or in Redis for every instance. */
interface Buckets {

    Bucket bucket(Limit limit);
}
