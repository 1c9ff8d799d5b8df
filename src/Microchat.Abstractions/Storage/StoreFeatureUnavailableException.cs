namespace Microchat.Storage;

/// <summary>The configured store does not provide this feature (yet): the request is refused, and nothing changed.</summary>
public sealed class StoreFeatureUnavailableException : Exception
{
    /// <summary>Creates the exception naming the feature.</summary>
    public StoreFeatureUnavailableException(string feature) : base($"{feature} is not available on this server's store.")
    {
    }
}
