package org.marquee.kiosk.core;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.marquee.kiosk.client.ApiProblem;

/**
 * The errors of one form: a message per field and one for the whole form. A refusal from the server is shown at the
 * field it names (its {@code details.field}, else the first of the form's field names its message mentions, the most
 * specific first: {@code ticketPrices.ADULT} before {@code ticketPrices}); one that names no field of the form is
 * shown for the whole form. Changes on the UI thread.
 */
public final class FormErrors {

    private final Map<String, ReadOnlyStringWrapper> fields = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper form = new ReadOnlyStringWrapper("");

    /** @param fieldNames the fields as the API names them ({@code cleaningMinutes}, {@code ticketPrices.ADULT}…) */
    public FormErrors(List<String> fieldNames) {
        fieldNames.forEach(name -> fields.put(name, new ReadOnlyStringWrapper("")));
    }

    /** The message at {@code field}; empty when it has none. */
    public ReadOnlyStringProperty at(String field) {
        ReadOnlyStringWrapper error = fields.get(field);
        if (error == null) {
            throw new IllegalArgumentException("This form has no field " + field);
        }
        return error.getReadOnlyProperty();
    }

    /** The message for the whole form (a conflict, the network…); empty when it has none. */
    public ReadOnlyStringProperty form() {
        return form.getReadOnlyProperty();
    }

    public void clear() {
        fields.values().forEach(error -> error.set(""));
        form.set("");
    }

    /** A problem found before asking the server (a number that is not one). */
    public void set(String field, String message) {
        fields.get(field).set(message);
    }

    public void setForm(String message) {
        form.set(message);
    }

    /** True while any field or the form has a message. */
    public boolean any() {
        return !form.get().isEmpty()
                || fields.values().stream().anyMatch(error -> !error.get().isEmpty());
    }

    /**
     * Shows the server's refusal at the field it names, or for the whole form; {@code offline} when the server was not
     * reached. Answers the field it was shown at, or null.
     */
    public String show(ApiProblem problem, String offline) {
        if (problem.offline()) {
            form.set(offline);
            return null;
        }
        String field = fieldOf(problem);
        if (field == null) {
            form.set(problem.getMessage());
        } else {
            fields.get(field).set(problem.getMessage());
        }
        return field;
    }

    /** The form's field that {@code problem} names, or null. */
    public String fieldOf(ApiProblem problem) {
        String named = problem.field();
        if (named != null && fields.containsKey(named)) {
            return named;
        }
        String message = problem.getMessage() == null ? "" : problem.getMessage();
        return fields.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(name -> Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w])")
                        .matcher(message)
                        .find())
                .findFirst()
                .orElse(null);
    }
}
