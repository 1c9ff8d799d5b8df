using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Microchat.Server.Http;

/// <summary>
/// Honours <c>Idempotency-Key</c> on every POST: the first successful response is stored and a
/// repeat by the same caller with the same key gets it again without the handler running.
/// </summary>
internal sealed class IdempotencyFilter(IIdempotencyStore store, MicrochatClock clock, IDataProtectionProvider protection) : IEndpointFilter
{
    // Remembered bodies can hold secrets (a login's or a new bot's token), which the store must
    // never keep in the clear: they are encrypted with the host's data-protection keys.
    private readonly IDataProtector _protector = protection.CreateProtector("Microchat.Idempotency.v1");

    public const string HeaderName = "Idempotency-Key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // Serialises repeats of one key inside this process, so two retries racing each other
    // do not both run the handler.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(HeaderName, out var values))
            return await next(context);

        var key = values.ToString();
        if (!IsValidKey(key))
            throw DomainException.Invalid(HeaderName, "Idempotency-Key must be 1 to 64 printable ASCII characters.");

        var storeKey = StoreKey(context, key);
        var gate = Gates.GetOrAdd(storeKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(http.RequestAborted);
        try
        {
            var stored = await store.FindAsync(storeKey, http.RequestAborted);
            if (stored is not null && stored.CreatedAt > clock.Now() - Lifetime && TryUnprotect(stored.Body) is { } body)
                return new ReplayResult(stored with { Body = body });

            var result = await next(context);
            if (result is not IResult toRun) return result;
            return await RunAndRememberAsync(http, toRun, storeKey);
        }
        finally
        {
            gate.Release();
            if (gate.CurrentCount == 1) Gates.TryRemove(new KeyValuePair<string, SemaphoreSlim>(storeKey, gate));
        }
    }

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
            await store.SaveAsync(new IdempotencyRecord
            {
                Key = storeKey,
                StatusCode = status,
                ContentType = http.Response.ContentType,
                Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                Body = _protector.Protect(buffer.ToArray()),
                CreatedAt = clock.Now(),
            }, CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        return Results.Empty;
    }

    // Keys lost or rotated away: the first response cannot be shown again, so the request runs anew.
    private byte[]? TryUnprotect(byte[] body)
    {
        try
        {
            return _protector.Unprotect(body);
        }
        catch (CryptographicException)
        {
            return null;
        }
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
