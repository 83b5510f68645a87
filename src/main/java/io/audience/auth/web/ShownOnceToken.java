package io.audience.auth.web;

/** An API token's secret, on the one page that shows it: the page after it was issued. */
public record ShownOnceToken(String apiToken) {}
