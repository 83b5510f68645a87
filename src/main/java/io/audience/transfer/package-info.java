/**
 * Bodies and files that cross the network in bulk: spooled to disk so no database connection
 * waits for a client, and counted per account so one tenant cannot take every slot.
 */
@NullMarked
package io.audience.transfer;

import org.jspecify.annotations.NullMarked;
