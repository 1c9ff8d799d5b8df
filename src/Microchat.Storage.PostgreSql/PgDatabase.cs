using System.Data;
using Npgsql;

namespace Microchat.Storage.PostgreSql;

/// <summary>
/// The connection pool of one database and the only way stores reach it: a store call inside a
/// unit of work runs in the unit's transaction; outside one, in a short transaction of its own.
/// </summary>
internal sealed class PgDatabase : IAsyncDisposable
{
    private const int MaxAttempts = 5;
    private readonly Lazy<Task> _schema;

    public PgDatabase(string connectionString)
    {
        DataSource = NpgsqlDataSource.Create(connectionString);
        _schema = new Lazy<Task>(() => PgSchema.MigrateAsync(DataSource, CancellationToken.None));
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates or migrates the schema once per process; every store call awaits it first.</summary>
    public Task EnsureSchemaAsync() => _schema.Value;

    /// <summary>Runs <paramref name="operation"/> in the ambient unit's transaction, or in one of its own.</summary>
    public async ValueTask<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> operation, CancellationToken ct)
    {
        await EnsureSchemaAsync();
        if (PgUnit.Current is { } unit)
        {
            await unit.Gate.WaitAsync(ct);
            try
            {
                return await operation(unit.Connection, ct);
            }
            finally
            {
                unit.Gate.Release();
            }
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await DataSource.OpenConnectionAsync(ct);
                await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
                var result = await operation(connection, ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (PostgresException e) when (IsRetryable(e) && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
            catch (NpgsqlException e) when (IsUnavailable(e))
            {
                throw new StorageUnavailableException("The PostgreSQL server could not be reached.", e);
            }
        }
    }

    /// <summary>Runs an operation that returns nothing (see <see cref="RunAsync{T}"/>).</summary>
    public async ValueTask ExecuteAsync(Func<NpgsqlConnection, CancellationToken, Task> operation, CancellationToken ct) =>
        await RunAsync(async (c, t) =>
        {
            await operation(c, t);
            return true;
        }, ct);

    /// <summary>A serialization failure or a deadlock: the transaction may simply run again.</summary>
    public static bool IsRetryable(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    /// <summary>The server is down or unreachable (not a statement it refused).</summary>
    public static bool IsUnavailable(NpgsqlException e) => e is not PostgresException || e.IsTransient;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
