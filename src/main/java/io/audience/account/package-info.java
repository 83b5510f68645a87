/** Accounts (the tenants every row belongs to) and their settings; their tokens are in {@code auth}. */
@NullMarked
package io.audience.account;

import org.jspecify.annotations.NullMarked;
