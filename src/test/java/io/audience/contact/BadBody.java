package io.audience.contact;

import io.audience.IntegrationTest;

/**
 * A bad body for POST or PUT /v3/contacts or the sign-up form. In {@code body} and {@code field}, {@code $sourceField}
 * becomes create_source or update_source, {@code $source} that field set to Account, and
 * {@code $email} a fresh address, so that the body would write something if it were accepted.
 */
record BadBody(String name, String body, String field, int status, String key) {

    @Override
    public String toString() {
        return name;
    }

    String body(String sourceField) {
        return body.replace("$sourceField", sourceField)
                .replace("$source", "\"" + sourceField + "\": \"Account\"")
                .replace("$email", IntegrationTest.uniqueEmail("bad"));
    }

    String field(String sourceField) {
        return field == null ? null : field.replace("$sourceField", sourceField);
    }

    static BadBody bad(String name, String body, String field) {
        return new BadBody(name, body, field, 400, BadInputSupport.VALIDATION);
    }
}
