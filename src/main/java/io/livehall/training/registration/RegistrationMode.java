package io.livehall.training.registration;

/** How a series takes registrations: everyone at once, up to a capacity (then a waiting list), or by approval. */
enum RegistrationMode {
    OPEN, CAPACITY, APPROVAL
}
