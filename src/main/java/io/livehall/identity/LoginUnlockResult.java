package io.livehall.identity;

/**
 * What an admin's unlock did.
 *
 * @param wasLocked      whether logins of the user were being refused (429) by a full counter
 * @param failuresCleared failed logins counted for the username (all addresses) in the current window
 */
record LoginUnlockResult(boolean wasLocked, long failuresCleared) {
}
