using LiteDB;

namespace Microchat.Storage.LiteDb;

/// <summary>Binary-key filters, parameterised like <see cref="QueryExpressions"/> so LiteDB compiles each text once.</summary>
internal static class BinaryExpressions
{
    /// <summary><c>_id</c> from <paramref name="first"/> to <paramref name="last"/> inclusive: an index range scan.</summary>
    public static BsonExpression KeyBetween(byte[] first, byte[] last) => FieldBetween("_id", first, last);

    /// <summary><c>(first, last)</c> as a key range.</summary>
    public static BsonExpression KeyBetween((byte[] First, byte[] Last) range) => KeyBetween(range.First, range.Last);

    /// <summary>An indexed binary field from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public static BsonExpression FieldBetween(string field, byte[] first, byte[] last) =>
        BsonExpression.Create(field == "_id" ? "_id BETWEEN @0 AND @1" : $"$.{field} BETWEEN @0 AND @1", new BsonValue(first), new BsonValue(last));

    /// <summary>An indexed binary field equal to a value: an index seek.</summary>
    public static BsonExpression FieldEquals(string field, byte[] value) =>
        BsonExpression.Create($"$.{field} = @0", new BsonValue(value));
}
