package io.livehall.common.files;

import java.util.Set;

/**
 * What an uploaded file is for, and so which types and sizes are accepted and who may read it:
 * images (product pictures, live covers) are public; documents (licences, certificates) are read only by
 * their uploader and by organisers; videos (a training's replay, MP4) are public like the replays they carry. Videos
 * are kept in PostgreSQL like every file, so they are capped at 50 MB (a short recording); production would keep
 * long recordings in object storage behind a CDN and set the replay as its address instead.
 */
public enum FilePurpose {
    IMAGE(5L * 1024 * 1024, Set.of("image/jpeg", "image/png", "image/webp"), true),
    DOCUMENT(10L * 1024 * 1024, Set.of("application/pdf", "image/jpeg", "image/png"), false),
    VIDEO(50L * 1024 * 1024, Set.of("video/mp4"), true);

    private final long maxBytes;
    private final Set<String> contentTypes;
    private final boolean publiclyReadable;

    FilePurpose(long maxBytes, Set<String> contentTypes, boolean publiclyReadable) {
        this.maxBytes = maxBytes;
        this.contentTypes = contentTypes;
        this.publiclyReadable = publiclyReadable;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Set<String> contentTypes() {
        return contentTypes;
    }

    public boolean publiclyReadable() {
        return publiclyReadable;
    }
}
