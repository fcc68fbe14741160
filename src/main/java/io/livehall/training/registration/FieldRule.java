package io.livehall.training.registration;

/** Whether the registration form asks for a field (company, job title, phone). */
enum FieldRule {
    OFF, OPTIONAL, REQUIRED
}
