using LiteDB;

namespace Microchat.Storage.LiteDb;

/// <summary>
/// One opening of the database: the engine and the streams it writes through, closed together.
/// LiteDB never closes streams it was handed, so the session does; after an I/O failure the engine
/// is thrown away whole and a new session is opened on the same files (LiteDB replays its log).
/// </summary>
internal sealed class LiteDbSession : IDisposable
{
    private readonly Stream[] _streams;
    private readonly Stream? _log;

    public LiteDbSession(LiteDatabase database, Stream[] streams, Stream? log)
    {
        Database = database;
        _streams = streams;
        _log = log;
        // Checkpoints run on the writer between batches, never inside a request's commit. The pragma
        // is kept in the file; LiteDB writes it only when it changes, so a reopen writes nothing.
        if (database.CheckpointSize != 0) database.CheckpointSize = 0;
    }

    public LiteDatabase Database { get; }

    /// <summary>Flushes the log to the disk: the fsync of <see cref="LiteDbDurability.Durable"/>.</summary>
    public void FlushLog() => _log?.Flush();

    public void Dispose()
    {
        // An engine that met an I/O error may fail again while closing (rolling back a transaction
        // whose pages were half written): closing is best effort, the log is the truth.
        AbandonedTransactions.Forget(Database);
        try
        {
            Database.Dispose();
        }
        catch (Exception)
        {
        }
        foreach (var stream in _streams)
        {
            try
            {
                stream.Dispose();
            }
            catch (IOException)
            {
                // Flushing a full disk's buffer at close: what LiteDB acknowledged was written already.
            }
        }
    }
}
