package io.livehall.common.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Files as rows: the description in {@code stored_file}, the bytes in {@code stored_file_content} (bytea). */
@Repository
class PostgresFileStorage implements FileStorage {

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    PostgresFileStorage(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    @Override
    public Mono<StoredFile> store(long ownerId, FilePurpose purpose, String originalName, String contentType, byte[] bytes) {
        Mono<StoredFile> insert = db.sql("""
                        insert into stored_file (owner_id, purpose, original_name, content_type, size_bytes, sha256)
                        values (:owner, :purpose, :name, :type, :size, :sha)
                        returning id, owner_id, purpose, original_name, content_type, size_bytes, sha256, created_at""")
                .bind("owner", ownerId).bind("purpose", purpose.name()).bind("name", originalName)
                .bind("type", contentType).bind("size", (long) bytes.length).bind("sha", sha256(bytes))
                .map(PostgresFileStorage::map).one()
                .flatMap(file -> db.sql("insert into stored_file_content (file_id, content) values (:id, :content)")
                        .bind("id", file.id()).bind("content", java.nio.ByteBuffer.wrap(bytes))
                        .fetch().rowsUpdated().thenReturn(file));
        return tx.transactional(insert);
    }

    @Override
    public Mono<StoredFile> describe(long id) {
        return db.sql("""
                        select id, owner_id, purpose, original_name, content_type, size_bytes, sha256, created_at
                        from stored_file where id = :id""")
                .bind("id", id).map(PostgresFileStorage::map).one();
    }

    @Override
    public Mono<byte[]> content(long id) {
        return db.sql("select content from stored_file_content where file_id = :id").bind("id", id)
                .map(row -> {
                    java.nio.ByteBuffer buffer = row.get("content", java.nio.ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return bytes;
                })
                .one();
    }

    private static StoredFile map(Readable row) {
        return new StoredFile(row.get("id", Long.class), row.get("owner_id", Long.class),
                FilePurpose.valueOf(row.get("purpose", String.class)), row.get("original_name", String.class),
                row.get("content_type", String.class), row.get("size_bytes", Long.class),
                row.get("sha256", String.class), row.get("created_at", Instant.class));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
