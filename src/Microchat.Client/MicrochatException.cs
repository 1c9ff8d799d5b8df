namespace Microchat.Client;

/// <summary>Any failure of a Microchat call: <see cref="MicrochatApiException"/> (the server said no) or <see cref="MicrochatTransportException"/> (no answer).</summary>
public abstract class MicrochatException : Exception
{
    /// <summary>A failure with a message and, optionally, its cause.</summary>
    protected MicrochatException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
