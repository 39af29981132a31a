package org.marquee.kiosk.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.marquee.model.ShowtimeStatus;

/**
 * One block of the week: a showtime (or one that would be created, {@code showtimeId} null) on the day it starts, as
 * long as its film plus the theater's cleaning time. {@code clash} marks a block that overlaps another: found here
 * before saving, or named by the server's {@code SCHEDULE_CLASH}.
 */
public record WeekBlock(
        Long showtimeId,
        String title,
        String format,
        Instant startsAt,
        LocalDate day,
        LocalTime start,
        int runtimeMinutes,
        int minutes,
        ShowtimeStatus status,
        int seatsSold,
        int seatsHeld,
        boolean proposed,
        boolean clash) {

    public boolean cancelled() {
        return status == ShowtimeStatus.CANCELLED;
    }

    /** Minutes from the start of {@code day} to the start of the block. */
    public int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    public WeekBlock withClash(boolean value) {
        return new WeekBlock(
                showtimeId,
                title,
                format,
                startsAt,
                day,
                start,
                runtimeMinutes,
                minutes,
                status,
                seatsSold,
                seatsHeld,
                proposed,
                value);
    }
}
