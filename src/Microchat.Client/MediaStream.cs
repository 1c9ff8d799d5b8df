namespace Microchat.Client;

/// <summary>A file being downloaded: read <see cref="Content"/>, then dispose this to close the connection.</summary>
public sealed class MediaStream : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal MediaStream(HttpResponseMessage response, Stream content, string contentType, string? fileName, long? length)
    {
        _response = response;
        Content = content;
        ContentType = contentType;
        FileName = fileName;
        Length = length;
    }

    /// <summary>The bytes, read from the connection as they arrive.</summary>
    public Stream Content { get; }

    /// <summary>The media type.</summary>
    public string ContentType { get; }

    /// <summary>The file name from Content-Disposition.</summary>
    public string? FileName { get; }

    /// <summary>The size in bytes, when the server said.</summary>
    public long? Length { get; }

    /// <summary>Closes the stream and the response.</summary>
    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    /// <summary>Closes the stream and the response.</summary>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        _response.Dispose();
    }
}
