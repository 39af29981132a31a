package org.marquee.model;

/**
 * Body of {@code POST /admin/staff} (username, displayName, role, pin required) and of {@code PUT /admin/staff/{id}}
 * (displayName, role, active, pin optional; username cannot change). {@code pin}: 4 to 8 digits, never answered.
 */
public record StaffRequest(String username, String displayName, Role role, String pin, Boolean active) {}
