/**
 * What the installation's domain meters share: counts that only a committed transaction adds to,
 * and gauges read from the database at most every few seconds, however often they are scraped.
 */
@NullMarked
package io.audience.metrics;

import org.jspecify.annotations.NullMarked;
