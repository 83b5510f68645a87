@NullMarked
package io.audience.contact.web;

import org.jspecify.annotations.NullMarked;
