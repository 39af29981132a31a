package org.marquee.kiosk.showtimes;

import java.time.LocalDate;

/** One day of the date strip: its date in the theater's zone and its label ("Today", "Tomorrow", "Sat 22"). */
public record DayOption(LocalDate date, String label) {}
