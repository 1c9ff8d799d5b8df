using System.Buffers;
using System.Security.Cryptography;
using Microchat.Server.Errors;

namespace Microchat.Server.Http;

/// <summary>
/// An uploaded file copied to a temporary file as it arrived, hashed and counted on the way, so
/// no upload is ever held in memory whole. Disposing it deletes the temporary file.
/// </summary>
internal sealed class SpooledUpload : IAsyncDisposable
{
    /// <summary>How many leading bytes are kept for recognising the file's type.</summary>
    public const int HeaderLength = 32;

    private const int BufferSize = 80 * 1024;
    private readonly FileStream _file;

    private SpooledUpload(FileStream file, long size, string sha256, byte[] header, string? declaredType, string? name, string field)
    {
        _file = file;
        Size = size;
        Sha256 = sha256;
        Header = header;
        DeclaredType = declaredType;
        Name = name;
        Field = field;
    }

    /// <summary>Length in bytes.</summary>
    public long Size { get; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; }

    /// <summary>The first bytes (up to <see cref="HeaderLength"/>).</summary>
    public ReadOnlyMemory<byte> Header { get; }

    /// <summary>The Content-Type the client gave, if any.</summary>
    public string? DeclaredType { get; }

    /// <summary>The file name the client gave, unsanitised.</summary>
    public string? Name { get; }

    /// <summary>Where the bytes came from, for error messages: "body" or the multipart field "file".</summary>
    public string Field { get; }

    /// <summary>The bytes from the start; the stream stays owned by this upload.</summary>
    public Stream OpenContent()
    {
        _file.Position = 0;
        return _file;
    }

    /// <summary>Copies <paramref name="source"/> to a temporary file; more than <paramref name="maxBytes"/> is a 413, checked as it arrives.</summary>
    public static async Task<SpooledUpload> CopyAsync(Stream source, long maxBytes, string? declaredType, string? name, string field, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"microchat-{Guid.NewGuid():N}.upload");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var header = new byte[HeaderLength];
            var headerLength = 0;
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                size += read;
                if (size > maxBytes) throw TooLarge(maxBytes);
                hash.AppendData(buffer, 0, read);
                if (headerLength < HeaderLength)
                {
                    var take = Math.Min(read, HeaderLength - headerLength);
                    buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                    headerLength += take;
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            return new SpooledUpload(file, size, Convert.ToHexStringLower(hash.GetHashAndReset()), header[..headerLength], declaredType, name, field);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The refusal of an upload over the limit.</summary>
    public static DomainException TooLarge(long maxBytes) =>
        new(DomainError.TooLarge, $"The upload is larger than the limit of {maxBytes} bytes.");

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
