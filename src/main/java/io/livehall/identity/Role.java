package io.livehall.identity;

/** What a user may do. Every user can watch and buy (VIEWER); the others add consoles. */
public enum Role {
    VIEWER, MERCHANT, ORGANISER, ADMIN
}
