package org.disclosuredesk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param users create the demo users (password = user id); the {@code prod} profile turns this off */
@ConfigurationProperties("disclosure.demo")
public record DemoProperties(boolean users) {}
