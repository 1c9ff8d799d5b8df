using System.Data;
using Npgsql;

namespace Microchat.Storage.PostgreSql;

/// <summary>
/// Units of work as PostgreSQL transactions: one connection and transaction per unit, its lock
/// keys taken as transaction-level advisory locks (so units naming a common key never overlap, on
/// any host sharing the database), released by the commit. A serialization failure or deadlock
/// rolls the unit back and runs it again, a few times.
/// </summary>
internal sealed class PgUnitOfWork(PgDatabase database) : IUnitOfWork
{
    private const int MaxAttempts = 5;

    public async ValueTask<T> RunAsync<T>(IReadOnlyCollection<string> lockKeys, Func<CancellationToken, ValueTask<T>> work,
        CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync();
        if (PgUnit.Current is { } outer)
        {
            // Joins the outer unit: its transaction, plus any key the outer one does not hold yet.
            await LockAsync(outer, lockKeys, cancellationToken);
            return await work(CancellationToken.None);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(lockKeys, work, cancellationToken);
            }
            catch (PostgresException e) when (PgDatabase.IsRetryable(e) && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(5, 25 * attempt), cancellationToken);
            }
            catch (NpgsqlException e) when (PgDatabase.IsUnavailable(e))
            {
                throw new StorageUnavailableException("The PostgreSQL server could not be reached; nothing was kept.", e);
            }
        }
    }

    private async Task<T> RunOnceAsync<T>(IReadOnlyCollection<string> lockKeys, Func<CancellationToken, ValueTask<T>> work,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var unit = new PgUnit(connection, transaction);
        var previous = PgUnit.Current;
        PgUnit.Current = unit;
        try
        {
            await LockAsync(unit, lockKeys, cancellationToken);
            // Once it holds its locks, a unit is not cancelled half-way: it commits whole or fails whole.
            var result = await work(CancellationToken.None);
            await unit.Gate.WaitAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return result;
        }
        finally
        {
            PgUnit.Current = previous;
        }
    }

    /// <summary>Takes the advisory locks of the keys not held yet, in one sorted order everywhere, so two units cannot wait on each other.</summary>
    private static async Task LockAsync(PgUnit unit, IReadOnlyCollection<string> lockKeys, CancellationToken ct)
    {
        var keys = lockKeys.Where(k => !unit.Locked.Contains(k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0) return;
        await unit.Gate.WaitAsync(ct);
        try
        {
            // unnest yields the keys in array order, and each lock is taken as its row is produced.
            await unit.Connection.ExecuteAsync(
                "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(@keys::text[]) AS k", ct, ("keys", keys));
            unit.Locked.UnionWith(keys);
        }
        finally
        {
            unit.Gate.Release();
        }
    }
}
