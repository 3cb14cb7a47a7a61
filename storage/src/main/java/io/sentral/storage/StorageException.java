package io.sentral.storage;

/** The database failed (connection lost, constraint violated by a bug): not an expected outcome. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
