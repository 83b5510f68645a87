package io.audience.consent;

/** An entry of the consent history with the address it belongs to (its normalised key). */
public record AddressEvent(String emailKey, ConsentEvent event) {}
