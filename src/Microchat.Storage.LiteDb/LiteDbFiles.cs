using LiteDB;
using LiteDB.Engine;

namespace Microchat.Storage.LiteDb;

/// <summary>
/// Opens the database's files, once at start and again after an I/O failure. Both durability
/// settings open the same two files LiteDB itself would (data, and "name-log.ext" beside it)
/// through streams of their own, so a full disk meets the same code in both, and a test can put a
/// faulty disk under either (<see cref="LiteDbOptions.WrapFile"/>).
/// </summary>
internal static class LiteDbFiles
{
    /// <summary>A way to open the file <paramref name="settings"/> names, as often as needed.</summary>
    public static Func<LiteDbSession> Opener(ConnectionString settings, LiteDbOptions options)
    {
        if (settings.ReadOnly || settings.Upgrade)
            throw new NotSupportedException("Microchat writes to its LiteDB file: ReadOnly and Upgrade are not supported in its connection string.");
        return () => Open(settings, options);
    }

    /// <summary>A database in memory, kept across reopenings (LiteDB leaves the stream open).</summary>
    public static Func<LiteDbSession> InMemory()
    {
        var memory = new MemoryStream();
        return () => new LiteDbSession(new LiteDatabase(memory, LiteDbMapper.Create()), [], null);
    }

    private static LiteDbSession Open(ConnectionString settings, LiteDbOptions options)
    {
        var durable = options.Durability == LiteDbDurability.Durable;
        var wrap = options.WrapFile ?? (s => s);
        Stream? data = null, log = null;
        try
        {
            data = wrap(OpenFile(settings.Filename, durable));
            log = wrap(OpenFile(LogFileOf(settings.Filename), durable));
            var engine = new LiteEngine(new EngineSettings
            {
                DataStream = data,
                LogStream = log,
                Password = settings.Password,
                InitialSize = settings.InitialSize,
                Collation = settings.Collation,
            });
            // Durable: the writer flushes the log (an fsync) once per group commit before acknowledging it.
            return new LiteDbSession(new LiteDatabase(engine, LiteDbMapper.Create(), disposeOnClose: true), [data, log], durable ? log : null);
        }
        catch
        {
            data?.Dispose();
            log?.Dispose();
            throw;
        }
    }

    // LiteDB's own file options: one page of buffer, random access; whose flush is an fsync when durable.
    private static FileStream OpenFile(string path, bool durable) => durable
        ? new DurableFileStream(path)
        : new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 8192, FileOptions.RandomAccess);

    private static string LogFileOf(string filename) =>
        Path.Combine(Path.GetDirectoryName(filename) ?? "", $"{Path.GetFileNameWithoutExtension(filename)}-log{Path.GetExtension(filename)}");
}
