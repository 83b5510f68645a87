/** The executors that background work runs on, one per kind, so one kind cannot stall another. */
@NullMarked
package io.audience.scheduling;

import org.jspecify.annotations.NullMarked;
