using Microchat.Server.Authentication;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microchat.Server.OpenApi;

/// <summary>
/// Per-operation facts of Microchat's endpoints that the framework cannot infer: which need a
/// token, the Idempotency-Key every POST accepts, <c>?name=</c> on raw uploads, and the
/// headers of every 429. Endpoints that are not Microchat's are left alone.
/// </summary>
internal sealed class MicrochatOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<MicrochatEndpointMetadata>().Any()) return Task.CompletedTask;

        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            var bearer = new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(MicrochatDocumentTransformer.BearerScheme, context.Document)] = [],
            };
            operation.Security = [bearer];
            if (metadata.OfType<AllowsQueryTokenMetadata>().Any())
            {
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(MicrochatDocumentTransformer.QueryTokenScheme, context.Document)] = [],
                });
            }
        }
        else
        {
            // An explicit empty list: this operation needs no token, whatever the document's default.
            operation.Security = [];
        }

        if (string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = ParameterLocation.Header,
                Description = "1..64 printable characters. A repeat with the same key by the same caller within 24 h returns the first response and changes nothing.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 64 },
            });
            if (operation.OperationId == "UploadMedia")
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "name",
                    In = ParameterLocation.Query,
                    Description = "The file's name for a raw upload (multipart uploads carry their own).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }

        if (operation.Responses is not null && operation.Responses.TryGetValue("429", out var tooMany) && tooMany is OpenApiResponse response)
        {
            response.Description = "Too many requests: wait Retry-After seconds.";
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Retry-After"] = Header("Seconds until a permit frees up.");
        }
        return Task.CompletedTask;
    }

    private static OpenApiHeader Header(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
    };
}
