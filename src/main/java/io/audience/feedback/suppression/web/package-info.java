@NullMarked
package io.audience.feedback.suppression.web;

import org.jspecify.annotations.NullMarked;
