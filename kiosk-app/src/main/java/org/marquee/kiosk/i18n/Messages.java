package org.marquee.kiosk.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/** Every text the application shows, from {@code messages.properties} (English) and its translations. */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        // no fallback to the computer's own locale: English asked for on a Spanish computer must stay English
        this.bundle = ResourceBundle.getBundle(
                "org.marquee.kiosk.i18n.messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key} with its arguments filled in, or empty when this language has none. */
    public Optional<String> find(String key, Object... args) {
        if (!bundle.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(get(key, args));
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
