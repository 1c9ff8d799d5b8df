using System.Diagnostics;
using System.Text.Json;
using Microchat.Contracts;
using Microchat.Server.Http;
using Microchat.Server.Telemetry;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// The one way the domain changes state: "lock, re-read, re-check, write, publish" as one unit of
/// work of the store. Everything the work does (its writes, its events, and the request's
/// idempotency record) commits together or not at all; the rules the work checks are checked
/// against what is committed at that moment, under the named locks.
/// </summary>
internal sealed class UnitOfWorkRunner(IUnitOfWork store, IIdempotencyStore idempotency, IdempotencyProtector protector, MicrochatClock clock,
    MicrochatTelemetry telemetry)
{
    /// <summary>Runs <paramref name="work"/> as one commit, holding the locks of these entities.</summary>
    public ValueTask<T> RunAsync<T>(IReadOnlyCollection<long> lockedEntities, Func<CancellationToken, ValueTask<T>> work, CancellationToken ct)
    {
        var request = IdempotentRequest.Current;
        var keys = lockedEntities.Select(LockKeys.Entity).ToList();
        if (request is null || request.Recorded || request.Claimed) return Timed(() => store.RunAsync(keys, work, ct));

        keys.Add(LockKeys.Idempotency(request.StoreKey));
        return Timed(() => store.RunAsync(keys, async inner =>
        {
            // Checked under the key's lock: of two racing retries, the second sees the first's record.
            var stored = await idempotency.FindAsync(request.StoreKey, inner);
            if (stored is not null && stored.CreatedAt > clock.Now() - IdempotencyProtector.Lifetime)
                throw new IdempotentReplayException(stored);

            // A unit started inside this one (it joins this one) must not record a response of its own.
            request.Claimed = true;
            T result;
            try
            {
                result = await work(inner);
            }
            finally
            {
                request.Claimed = false;
            }
            if (Serialize(result) is { } body)
            {
                await idempotency.SaveAsync(new IdempotencyRecord
                {
                    Key = request.StoreKey,
                    StatusCode = request.SuccessStatus,
                    ContentType = body.Length == 0 ? null : "application/json; charset=utf-8",
                    Body = protector.Protect(body),
                    CreatedAt = clock.Now(),
                }, inner);
            }
            return result;
        }, ct)).WithRecorded(request);
    }

    // From queueing to commit (or failure): what a request waits for the store, as the commit-time metric and a trace span.
    private async ValueTask<T> Timed<T>(Func<ValueTask<T>> run)
    {
        using var activity = MicrochatTelemetry.StartActivity("microchat.unit_of_work");
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await run();
        }
        finally
        {
            telemetry.StoreCommitted(Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Runs <paramref name="work"/> as one commit that locks nothing beyond what the store serialises anyway.</summary>
    public ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken ct) => RunAsync([], work, ct);

    /// <summary>Runs a unit of work that returns nothing.</summary>
    public async ValueTask RunAsync(IReadOnlyCollection<long> lockedEntities, Func<CancellationToken, ValueTask> work, CancellationToken ct) =>
        await RunAsync(lockedEntities, async inner =>
        {
            await work(inner);
            return EmptyResult.Instance;
        }, ct);

    // The body a replay shows: the result as the wire writes it (none for a 204).
    private static byte[]? Serialize<T>(T result)
    {
        if (result is EmptyResult) return [];
        if (result is null || !MicrochatJson.Options.TryGetTypeInfo(typeof(T), out var info)) return null;
        return JsonSerializer.SerializeToUtf8Bytes(result, info);
    }
}

/// <summary>The result of a unit of work that returns nothing.</summary>
internal sealed class EmptyResult
{
    public static readonly EmptyResult Instance = new();
}

internal static class RecordedExtensions
{
    /// <summary>Marks the request's response as recorded once the unit commits.</summary>
    public static async ValueTask<T> WithRecorded<T>(this ValueTask<T> running, IdempotentRequest request)
    {
        var result = await running;
        request.Recorded = true;
        return result;
    }
}
