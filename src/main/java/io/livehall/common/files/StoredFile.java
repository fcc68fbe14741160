package io.livehall.common.files;

import java.time.Instant;

/** An uploaded file's description (its bytes are read through {@link FileStorage#content}). */
public record StoredFile(long id, long ownerId, FilePurpose purpose, String originalName, String contentType,
                         long sizeBytes, String sha256, Instant createdAt) {
}
