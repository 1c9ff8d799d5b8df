using Microchat.Server.OpenApi;

// The conventional namespace, so AddMicrochatDocument() shows up beside AddOpenApi()'s options.
namespace Microsoft.AspNetCore.OpenApi;

/// <summary>Describes Microchat's endpoints fully in a host's OpenAPI document.</summary>
public static class MicrochatOpenApiOptionsExtensions
{
    /// <summary>
    /// Adds Microchat's security scheme and requirements, Idempotency-Key headers, rate-limit
    /// headers on 429s, tag descriptions, a licence and a server URL without a trailing slash.
    /// </summary>
    public static OpenApiOptions AddMicrochatDocument(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer<MicrochatDocumentTransformer>();
        options.AddOperationTransformer<MicrochatOperationTransformer>();
        return options;
    }
}
