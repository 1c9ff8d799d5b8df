namespace Microchat.Storage;

/// <summary>
/// The store could not persist a write (its disk is full, its server is down): nothing of the
/// request was kept, and the same request may be sent again later.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception with its cause.</summary>
    public StorageUnavailableException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
