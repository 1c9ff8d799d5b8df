using LiteDB;

namespace Microchat.Storage.LiteDb;

/// <summary>
/// Filters whose values vary from call to call, written with parameters. LiteDB's <c>Query.*</c>
/// helpers embed the values in the expression text, and LiteDB parses, compiles and caches every
/// distinct text for the life of the process: a millisecond and a cache entry per new value
/// (paging a long chat at random places was 20 times slower than a short one for that alone).
/// Parameterised, the text is one and the same, so it is compiled once.
/// </summary>
internal static class QueryExpressions
{
    /// <summary><c>_id</c> from <paramref name="first"/> to <paramref name="last"/> inclusive: an index range scan.</summary>
    public static BsonExpression KeyBetween(long first, long last) =>
        BsonExpression.Create("_id BETWEEN @0 AND @1", new BsonValue(first), new BsonValue(last));

    /// <summary><c>_id</c> in a key range and <c>field</c> not equal to a value: the range is the index scan, the rest a filter.</summary>
    public static BsonExpression KeyBetweenAndNot(long first, long last, string field, long value) =>
        BsonExpression.Create($"_id BETWEEN @0 AND @1 AND $.{field} != @2", new BsonValue(first), new BsonValue(last), new BsonValue(value));

    /// <summary><c>_id</c> is one of these keys: an index seek per key.</summary>
    public static BsonExpression KeyIn(IEnumerable<BsonValue> keys) => FieldIn("_id", keys);

    /// <summary>An indexed field is one of these values: an index seek per value.</summary>
    public static BsonExpression FieldIn(string field, IEnumerable<BsonValue> values) =>
        BsonExpression.Create($"$.{field} IN @0", new BsonArray(values));
}
