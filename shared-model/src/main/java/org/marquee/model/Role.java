package org.marquee.model;

/**
 * What the bearer of a token may do. KIOSK: a self-service kiosk. COUNTER: a counter terminal with nobody signed
 * in (browse, hold seats, sign a clerk in). CLERK and MANAGER: staff sessions started on a counter terminal. SCANNER: a
 * door scanner's own token (ticket keys, revocations, admissions; DESIGN §9).
 */
public enum Role {
    KIOSK,
    COUNTER,
    CLERK,
    MANAGER,
    SCANNER
}
