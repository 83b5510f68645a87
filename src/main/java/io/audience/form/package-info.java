/**
 * Hosted sign-up forms (an extension): the account's form definitions with every version of their
 * consent wording, the public page's proof-of-work challenge, and the limits that keep programs
 * from signing up addresses. The submission itself runs the contact module's sign-up rules.
 */
@NullMarked
package io.audience.form;

import org.jspecify.annotations.NullMarked;
