@NullMarked
package io.audience.feedback.web;

import org.jspecify.annotations.NullMarked;
