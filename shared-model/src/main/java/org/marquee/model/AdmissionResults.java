package org.marquee.model;

import java.util.List;

/** Answer of {@code POST /admissions}: one result per scan, in the order of the scans. */
public record AdmissionResults(List<AdmissionResult> results) {
    public AdmissionResults {
        results = List.copyOf(results);
    }
}
