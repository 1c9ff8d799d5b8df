namespace Microchat.Storage.LiteDb;

/// <summary>Settings of the LiteDB store.</summary>
public sealed class LiteDbOptions
{
    /// <summary>When a write is acknowledged (default: once it is in the operating system's hands).</summary>
    public LiteDbDurability Durability { get; set; } = LiteDbDurability.Default;

    // For tests: wraps each file stream as it is opened (a disk that fills up, say). Internal, so
    // it is no promise to users; the disk-full tests reach it through InternalsVisibleTo.
    internal Func<Stream, Stream>? WrapFile { get; set; }
}
