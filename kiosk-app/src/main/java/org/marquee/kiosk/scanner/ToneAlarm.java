package org.marquee.kiosk.scanner;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two short low beeps, synthesized (no sound file), played on a thread of their own so a verdict never waits for the
 * speaker. A terminal without audio stays silent and says so once in its log.
 */
public final class ToneAlarm implements Alarm {

    private static final Logger log = LoggerFactory.getLogger(ToneAlarm.class);
    private static final float RATE = 22_050f;

    private final byte[] samples = tone(440, 0.12, 0.08);
    private volatile boolean broken;

    @Override
    public void sound() {
        if (broken) {
            return;
        }
        Thread.ofVirtual().name("scanner-alarm").start(this::play);
    }

    private void play() {
        AudioFormat format = new AudioFormat(RATE, 8, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(samples, 0, samples.length);
            line.drain();
        } catch (Exception | LinkageError e) {
            broken = true;
            log.info("event=scanner_alarm_unavailable reason={}", e.getClass().getSimpleName());
        }
    }

    /** Two beeps of {@code seconds} each at {@code hz}, with {@code gap} seconds of silence between them. */
    private static byte[] tone(double hz, double seconds, double gap) {
        int beep = (int) (RATE * seconds);
        int pause = (int) (RATE * gap);
        byte[] out = new byte[2 * beep + pause];
        for (int i = 0; i < beep; i++) {
            byte value = (byte) (Math.sin(2 * Math.PI * hz * i / RATE) * 90);
            out[i] = value;
            out[beep + pause + i] = value;
        }
        return out;
    }
}
