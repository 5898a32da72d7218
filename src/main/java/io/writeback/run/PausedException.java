package io.writeback.run;

/** A sync or group is asked to run while an operator has it paused. */
public class PausedException extends RuntimeException {

    public PausedException(Pauses.Kind kind, String name, Pauses.Pause pause) {
        super(kind.dbValue() + " '" + name + "' is paused " + pause.describe() + "; resume it with POST /api/"
                + kind.dbValue() + "s/" + name + "/resume");
    }
}
