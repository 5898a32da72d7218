package io.writeback.kernel;

/** Makes a running run's counts visible outside it (to the runs API and its readers) as chunks settle. */
public interface RunProgress {

    void progress(RunContext run);
}
