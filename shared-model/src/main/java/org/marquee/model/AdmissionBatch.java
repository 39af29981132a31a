package org.marquee.model;

import java.util.List;

/** Body of {@code POST /admissions} with several scans, such as a scanner's queue uploaded after a time offline. */
public record AdmissionBatch(List<AdmissionScan> scans) {}
