using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Storage;
using Microchat.Server.Domain;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http;

namespace Microchat.Server.Http;

/// <summary>
/// Honours <c>Idempotency-Key</c> on every POST: the first successful response is stored and a
/// repeat by the same caller with the same key gets it again without the handler running. The
/// record is written by the request's unit of work, in the same commit as the change
/// (<see cref="UnitOfWorkRunner"/>), so a retry after a crash finds it; once the response is sent,
/// its exact bytes (with its Location) replace what the unit recorded.
/// </summary>
internal sealed class IdempotencyFilter(IIdempotencyStore store, MicrochatClock clock, IdempotencyProtector protector) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(HeaderName, out var values))
            return await next(context);

        var key = values.ToString();
        if (!IsValidKey(key))
            throw DomainException.Invalid(HeaderName, "Idempotency-Key must be 1 to 64 printable ASCII characters.");

        var storeKey = StoreKey(context, key);
        // Most retries find the first response at once; a retry racing the first request is
        // settled inside the unit of work, under the key's lock.
        if (await FindAsync(storeKey, http.RequestAborted) is { } replay) return new ReplayResult(replay);

        var request = new IdempotentRequest(storeKey, SuccessStatusOf(http));
        IdempotentRequest.Current = request;
        object? result;
        try
        {
            result = await next(context);
        }
        catch (IdempotentReplayException e) when (Unprotected(e.Record) is { } first)
        {
            return new ReplayResult(first);
        }
        finally
        {
            IdempotentRequest.Current = null;
        }
        if (result is not IResult toRun) return result;
        return await RunAndRememberAsync(http, toRun, storeKey);
    }

    private async ValueTask<IdempotencyRecord?> FindAsync(string storeKey, CancellationToken ct)
    {
        var stored = await store.FindAsync(storeKey, ct);
        return stored is not null && stored.CreatedAt > clock.Now() - IdempotencyProtector.Lifetime ? Unprotected(stored) : null;
    }

    // Keys lost or rotated away: the first response cannot be shown again, so the request runs anew.
    private IdempotencyRecord? Unprotected(IdempotencyRecord stored) =>
        protector.TryUnprotect(stored.Body) is { } body ? stored with { Body = body } : null;

    private static int SuccessStatusOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>()
            .Select(m => m.StatusCode).FirstOrDefault(s => s is >= 200 and < 300) is { } status and not 0 ? status : StatusCodes.Status200OK;

    private async Task<IResult> RunAndRememberAsync(HttpContext http, IResult result, string storeKey)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await result.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var status = http.Response.StatusCode;
        if (status is >= 200 and < 300)
        {
            await store.ReplaceAsync(new IdempotencyRecord
            {
                Key = storeKey,
                StatusCode = status,
                ContentType = http.Response.ContentType,
                Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                Body = protector.Protect(buffer.ToArray()),
                CreatedAt = clock.Now(),
            }, CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        return Results.Empty;
    }

    private static bool IsValidKey(string key) =>
        key.Length is >= 1 and <= 64 && key.All(c => c is >= '!' and <= '~' or ' ');

    // An authenticated caller's keys are its own. An anonymous caller (registration, login) is
    // known only by its request, so the key is bound to the exact arguments: a stranger who
    // guesses the key cannot replay somebody else's login response. The whole is hashed, so keys
    // differing only in case stay distinct in stores that compare text case-insensitively.
    internal static string StoreKey(EndpointFilterInvocationContext context, string key)
    {
        var route = context.HttpContext.Request.Path.Value ?? "";
        var caller = Caller.From(context.HttpContext.User);
        if (caller is not null) return Hash($"{caller.Id}|{route}|{key}");

        var fingerprint = new StringBuilder($"anonymous|{route}|{key}|");
        foreach (var argument in context.Arguments)
        {
            if (argument is null || argument is HttpContext or HttpRequest) continue;
            var info = MicrochatJson.TypeInfoResolver.GetTypeInfo(argument.GetType(), MicrochatJson.Options);
            fingerprint.Append(info is null ? argument.ToString() : JsonSerializer.Serialize(argument, info));
        }
        return Hash(fingerprint.ToString());
    }

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class ReplayResult(IdempotencyRecord record) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = record.StatusCode;
            if (record.ContentType is not null) response.ContentType = record.ContentType;
            if (record.Location is not null) response.Headers.Location = record.Location;
            response.Headers["Idempotent-Replayed"] = "true";
            response.ContentLength = record.Body.Length;
            return response.Body.WriteAsync(record.Body, httpContext.RequestAborted).AsTask();
        }
    }
}
