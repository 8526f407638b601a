package it.cabina.etl.context;

import org.apache.logging.log4j.message.MapMessage;

/**
 * One progress line as a log event: its fields ({@code event}, {@code message}, {@code elapsed_s}, {@code run_id},
 * {@code stage}, and {@code seconds}, {@code counts}, {@code exit_code} where they apply) for the JSON layout
 * ({@code progressJson} in {@code conf/log4j2.properties}), and the line people read for the text layout ({@code %m}):
 * {@code [   12.3s] message}.
 */
final class ProgressEvent extends MapMessage<ProgressEvent, Object> {
    private final boolean timed;

    /** @param timed whether the text starts with the elapsed time (not on {@code ERRORE: …} lines) */
    ProgressEvent(String event, String text, double elapsedSeconds, String runId, String stage, boolean timed) {
        this.timed = timed;
        with("event", event);
        with("message", text);
        with("elapsed_s", tenths(elapsedSeconds));
        if (runId != null) with("run_id", runId);
        if (stage != null) with("stage", stage);
    }

    static double tenths(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    @Override
    public String getFormattedMessage() {
        String text = (String) getData().get("message");
        return timed ? String.format("[%7.1fs] %s", (Double) getData().get("elapsed_s"), text) : text;
    }

    @Override
    public void formatTo(StringBuilder buffer) {
        buffer.append(getFormattedMessage());
    }

    @Override
    public String getFormat() {
        return "";
    }

    @Override
    public ProgressEvent newInstance(java.util.Map<String, Object> map) {
        ProgressEvent e = new ProgressEvent("", "", 0, null, null, timed);
        map.forEach(e::with);
        return e;
    }
}
