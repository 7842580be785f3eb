package io.tiercare.chassis.job;

/** Where a bulk job stands: it ends once every chunk is done or given up, FAILED if any was given up. */
public enum JobStatus {
    RUNNING, COMPLETED, FAILED
}
