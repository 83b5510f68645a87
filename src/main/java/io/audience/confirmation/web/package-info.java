@NullMarked
package io.audience.confirmation.web;

import org.jspecify.annotations.NullMarked;
