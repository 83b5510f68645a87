@NullMarked
package io.audience.transfer.web;

import org.jspecify.annotations.NullMarked;
