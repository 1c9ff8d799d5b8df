using LiteDB;

namespace Microchat.Storage.LiteDb;

/// <summary>Tells a failure of LiteDB's engine or of the disk under it from a unit of work's own error.</summary>
internal static class EngineFailures
{
    /// <summary>True when the engine can no longer be trusted: it must be opened again before the next write.</summary>
    public static bool IsEngineFailure(Exception e) => e switch
    {
        // A full disk, a lost file: LiteDB closes itself on some, and is left half-way on others.
        IOException or ObjectDisposedException or UnauthorizedAccessException => true,
        // ENSURE failures (INVALID_DATAFILE_STATE) follow a half-written commit; a lock timeout follows
        // a transaction that could not be rolled back and kept its locks.
        LiteException l => l.ErrorCode is LiteException.INVALID_DATAFILE_STATE or LiteException.ENGINE_DISPOSED
            or LiteException.DATABASE_SHUTDOWN or LiteException.LOCK_TIMEOUT or LiteException.INVALID_TRANSACTION_STATE,
        _ => false,
    };
}
