@NullMarked
package io.audience.account;

import org.jspecify.annotations.NullMarked;
