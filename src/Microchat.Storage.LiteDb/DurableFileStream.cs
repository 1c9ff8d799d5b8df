namespace Microchat.Storage.LiteDb;

/// <summary>
/// A file LiteDB writes through, whose <see cref="Flush()"/> reaches the disk (fsync). LiteDB 5
/// only ever hands its writes to the operating system; <see cref="LiteDbDurability.Durable"/>
/// needs them on the platter before a write is acknowledged.
/// </summary>
internal sealed class DurableFileStream(string path) : FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 8192)
{
    public override void Flush() => Flush(flushToDisk: true);

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }
}
