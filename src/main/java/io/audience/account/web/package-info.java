@NullMarked
package io.audience.account.web;

import org.jspecify.annotations.NullMarked;
