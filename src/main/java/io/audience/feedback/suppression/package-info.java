/**
 * The suppression import (issue 17): a CSV of addresses another platform kept as unsubscribed,
 * bounced or complained, applied to the addresses' consent and delivery state in chunks by the
 * activity engine, as fast as a contact import, without creating contacts or adding to lists.
 */
@NullMarked
package io.audience.feedback.suppression;

import org.jspecify.annotations.NullMarked;
