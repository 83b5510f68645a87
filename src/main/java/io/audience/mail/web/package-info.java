@NullMarked
package io.audience.mail.web;

import org.jspecify.annotations.NullMarked;
