namespace Microchat.Storage.LiteDb.Tests.Faults;

/// <summary>
/// A disk that tests fill and free at will. Mounting a small tmpfs is refused in many sandboxes
/// (CI's container among them), so the store's files are wrapped instead: while the disk is full
/// every write fails the way a full disk fails it, with an <see cref="IOException"/>, and nothing
/// of it reaches the file.
/// </summary>
public sealed class FullDisk
{
    private volatile bool _full;
    private int _refusedWrites;

    /// <summary>True while writes fail.</summary>
    public bool IsFull => _full;

    /// <summary>Writes refused since the disk was created: proof the fault was met.</summary>
    public int RefusedWrites => Volatile.Read(ref _refusedWrites);

    /// <summary>From now on every write fails.</summary>
    public void Fill() => _full = true;

    /// <summary>Space is back: writes succeed again.</summary>
    public void Free() => _full = false;

    /// <summary>Puts a file's stream on this disk (for LiteDbOptions.WrapFile).</summary>
    public Stream Wrap(Stream file) => new FullDiskStream(file, this);

    internal void ThrowIfFull()
    {
        if (!_full) return;
        Interlocked.Increment(ref _refusedWrites);
        // ENOSPC, as .NET reports it on Linux.
        throw new IOException("No space left on device", 28);
    }
}
