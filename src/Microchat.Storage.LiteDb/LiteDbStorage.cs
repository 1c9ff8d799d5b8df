using LiteDB;

namespace Microchat.Storage.LiteDb;

/// <summary>
/// The one <see cref="LiteDatabase"/> of a file in this process, and the only way stores touch it.
/// LiteDB 5 binds an explicit transaction to the OS thread and has no async API, so every write
/// runs on one writer thread (<see cref="GroupCommitWriter"/>), which drains the queued units of
/// work into one transaction per batch. Reads on other threads see committed state only; reads
/// made by a unit of work on the writer thread also see the batch's own uncommitted writes.
/// </summary>
internal sealed class LiteDbStorage : IDisposable
{
    // LiteDB allows at most 100 open transactions; every read opens one implicitly.
    private const int MaxConcurrentReads = 64;

    private readonly ReopenableDatabase _database;
    private readonly SemaphoreSlim _readers = new(MaxConcurrentReads, MaxConcurrentReads);
    private readonly GroupCommitWriter _writer;

    /// <summary>Opens the database with <paramref name="open"/>, and again with it after an I/O failure.</summary>
    public LiteDbStorage(Func<LiteDbSession> open, LiteDbDurability durability = LiteDbDurability.Default)
    {
        _database = new ReopenableDatabase(open);
        _writer = new GroupCommitWriter(_database, flushLog: durability == LiteDbDurability.Durable);
        // Every collection exists before the first batch: LiteDB 5 keeps a collection created in a
        // transaction that is then rolled back in its header, pointing at a discarded page, and
        // fails fatally on the next use ("page type must be collection page").
        EnsureSchema(db =>
        {
            foreach (var name in SchemaCollections) CreateCollection(db, name);
        });
    }

    /// <summary>Collections that no store's indexes create: made at start-up, like the rest.</summary>
    private static readonly string[] SchemaCollections =
        [
            "sequences", "media", "_files", "_chunks", "data_protection_keys", "events", "idempotency", "chats", "messages",
            "reactions", "reaction_counts", "message_versions", "webhooks", "gallery",
        ];

    /// <summary>
    /// Makes sure a collection exists. <c>EnsureIndex("_id")</c> returns before touching a collection
    /// that does not exist, so the only way to create an empty one is a document in and out again.
    /// </summary>
    public static void CreateCollection(LiteDatabase db, string name)
    {
        if (db.CollectionExists(name)) return;
        var collection = db.GetCollection(name);
        var placeholder = new BsonValue(ObjectId.NewObjectId());
        collection.Insert(new BsonDocument { ["_id"] = placeholder });
        collection.Delete(placeholder);
    }

    /// <summary>The writer, whose commits the event feed and the store's health follow.</summary>
    public GroupCommitWriter Writer => _writer;

    /// <summary>Creates collections' indexes; each store calls it once, when it is created.</summary>
    public void EnsureSchema(Action<LiteDatabase> ensure) => Write(db =>
    {
        ensure(db);
        return true;
    });

    /// <summary>Runs a read; <paramref name="read"/> must materialise what it returns (ToList()).</summary>
    public T Read<T>(Func<LiteDatabase, T> read)
    {
        // Inside a batch the read joins the batch's transaction, so it sees the batch's own writes.
        if (_writer.IsWriterThread) return read(_database.Current);
        _readers.Wait();
        try
        {
            return _database.Read(read);
        }
        finally
        {
            _readers.Release();
        }
    }

    /// <summary>
    /// Runs a write. Inside a unit of work it joins the unit's transaction; outside one it is a
    /// unit of work of its own, and the calling thread waits for its commit.
    /// </summary>
    public T Write<T>(Func<LiteDatabase, T> write)
    {
        if (_writer.IsWriterThread) return _writer.WriteInUnit(() => write(_database.Current));
        return _writer.RunAsync(() => ValueTask.FromResult(_writer.WriteInUnit(() => write(_database.Current))), CancellationToken.None)
            .AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Runs a write that returns nothing (see <see cref="Write{T}(Func{LiteDatabase, T})"/>).</summary>
    public void Write(Action<LiteDatabase> write) => Write(db =>
    {
        write(db);
        return true;
    });

    /// <summary>Runs a write without blocking the caller: joins the running unit of work, or queues one of its own.</summary>
    public ValueTask<T> WriteAsync<T>(Func<LiteDatabase, T> write, CancellationToken cancellationToken) =>
        _writer.IsWriterThread
            ? ValueTask.FromResult(_writer.WriteInUnit(() => write(_database.Current)))
            : _writer.RunAsync(() => ValueTask.FromResult(_writer.WriteInUnit(() => write(_database.Current))), cancellationToken);

    /// <summary>Moves the log into the data file, so the log does not grow without bound.</summary>
    public void Checkpoint() => _writer.RequestCheckpoint();

    public void Dispose()
    {
        _writer.Dispose();
        _database.Dispose();
        _readers.Dispose();
    }
}
