package io.livehall.common.files;

import reactor.core.publisher.Mono;

/**
 * Where uploaded files live. The implementation shipped keeps them in PostgreSQL
 * ({@link PostgresFileStorage}), so every instance sees every file and a backup holds them all; an object
 * store would implement the same three operations.
 */
public interface FileStorage {

    /** Stores checked bytes; the content type is the one detected from the bytes, not the client's claim. */
    Mono<StoredFile> store(long ownerId, FilePurpose purpose, String originalName, String contentType, byte[] bytes);

    Mono<StoredFile> describe(long id);

    Mono<byte[]> content(long id);
}
