using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Microchat.Server.Errors;

/// <summary>
/// Refuses a JSON body that names one property twice, at any depth, comparing names as the
/// host's JSON options do (case-insensitively under the web defaults): otherwise the last of
/// <c>"login"</c>/<c>"Login"</c> would win silently. It wraps the endpoints that take a JSON body;
/// the host's JSON options (and with them its own APIs) are left alone.
/// </summary>
internal static class DuplicateKeyGuard
{
    /// <summary>JSON bodies of Microchat's endpoints are small; a larger one is refused as too large.</summary>
    public const int MaxJsonBodyBytes = 1024 * 1024;

    public static RequestDelegate Wrap(EndpointBuilder endpoint, RequestDelegate inner)
    {
        var takesJson = endpoint.Metadata.OfType<IAcceptsMetadata>()
            .Any(a => a.ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)));
        if (!takesJson) return inner;

        return async context =>
        {
            var request = context.Request;
            if (request.HasJsonContentType() && request.ContentLength != 0)
            {
                request.EnableBuffering();
                var (tooLarge, duplicate) = await ScanAsync(request, context.RequestAborted);
                request.Body.Position = 0;
                if (tooLarge)
                {
                    await BindingFailureProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                        $"A JSON body is at most {MaxJsonBodyBytes} bytes.");
                    return;
                }
                if (duplicate is not null)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { [duplicate] = [$"{duplicate} appears more than once in the body."] },
                        detail: "The request is not valid.", title: ProblemTitles.For(400)).ExecuteAsync(context);
                    return;
                }
            }
            await inner(context);
        };
    }

    private static async Task<(bool TooLarge, string? Duplicate)> ScanAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var body = new ArrayBufferWriter<byte>();
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (body.WrittenCount + read > MaxJsonBodyBytes) return (true, null);
                body.Write(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (false, FindDuplicate(body.WrittenSpan));
    }

    /// <summary>The dotted path of the first property named twice in one object, or null (also for malformed JSON, which binding reports).</summary>
    public static string? FindDuplicate(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var objects = new Stack<(HashSet<string> Names, string Path)>();
        var pendingName = "";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push((new HashSet<string>(StringComparer.OrdinalIgnoreCase), pendingName));
                        pendingName = "";
                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString() ?? "";
                        var (names, path) = objects.Peek();
                        var full = path.Length == 0 ? name : path + "." + name;
                        if (!names.Add(name)) return full;
                        pendingName = full;
                        break;
                    case JsonTokenType.StartArray:
                        break;
                    default:
                        pendingName = objects.Count > 0 ? objects.Peek().Path : "";
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }
}
