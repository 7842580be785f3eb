package io.tiercare.tiering.domain;

/** Which way a tier moved: a first grading, up or down a ranked scheme, or across an unranked one (a stage). */
public enum Direction {
    INITIAL, UP, DOWN, LATERAL
}
