@NullMarked
package io.audience.mail;

import org.jspecify.annotations.NullMarked;
