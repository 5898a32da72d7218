package io.writeback.run;

/** Published when a run has ended and its row is final: what alerts and other listeners react to. */
public record RunEnded(RunView run) {
}
