@NullMarked
package io.audience.contact.export.web;

import org.jspecify.annotations.NullMarked;
