@NullMarked
package io.audience.contact.bulk.web;

import org.jspecify.annotations.NullMarked;
