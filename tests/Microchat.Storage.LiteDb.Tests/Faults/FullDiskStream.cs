namespace Microchat.Storage.LiteDb.Tests.Faults;

/// <summary>A file stream on a <see cref="FullDisk"/>: reads pass, writes and growth fail while it is full.</summary>
internal sealed class FullDiskStream(Stream file, FullDisk disk) : Stream
{
    public override bool CanRead => file.CanRead;

    public override bool CanSeek => file.CanSeek;

    public override bool CanWrite => file.CanWrite;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count)
    {
        disk.ThrowIfFull();
        file.Write(buffer, offset, count);
    }

    public override void SetLength(long value)
    {
        // Shrinking frees space, as it does on a real full disk; growing needs it.
        if (value > file.Length) disk.ThrowIfFull();
        file.SetLength(value);
    }

    // Writes are not buffered here, so a flush has nothing to write; it still reaches the file (an fsync when Durable).
    public override void Flush() => file.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }
}
