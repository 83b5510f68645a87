@NullMarked
package io.audience.ratelimit.web;

import org.jspecify.annotations.NullMarked;
