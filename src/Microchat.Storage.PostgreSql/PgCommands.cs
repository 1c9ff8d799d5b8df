using Npgsql;

namespace Microchat.Storage.PostgreSql;

/// <summary>Small helpers that keep each store's SQL readable: parameters by name, rows by a reader function.</summary>
internal static class PgCommands
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<T>> QueryAsync<T>(this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map,
        CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    public static async Task<T?> QuerySingleAsync<T>(this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map,
        CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        (await connection.QueryAsync(sql, map, ct, parameters)).FirstOrDefault();

    public static async Task<long> ScalarAsync(this NpgsqlConnection connection, string sql, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether text can be stored at all: PostgreSQL's text has no NUL, so a key holding one names nothing stored.</summary>
    public static bool Storable(string value) => !value.Contains('\0', StringComparison.Ordinal);

    public static string? NullableString(this NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public static long? NullableLong(this NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);

    public static DateTimeOffset Time(this NpgsqlDataReader reader, int i) => reader.GetFieldValue<DateTimeOffset>(i);

    public static DateTimeOffset? NullableTime(this NpgsqlDataReader reader, int i) =>
        reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);

    /// <summary>timestamptz takes UTC instants only.</summary>
    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    public static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();
}
