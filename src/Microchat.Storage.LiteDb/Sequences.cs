using LiteDB;

namespace Microchat.Storage.LiteDb;

/// <summary>
/// Named counters that never go back: LiteDB's own Int64 auto-id is max(_id)+1, which would hand
/// a deleted entity's id (still shown as a message's sender) to a new one.
/// </summary>
internal static class Sequences
{
    private const string Collection = "sequences";

    /// <summary>The next value; call only inside <see cref="LiteDbStorage.Write{T}"/>.</summary>
    public static long Next(LiteDatabase db, string name)
    {
        var sequences = db.GetCollection(Collection);
        var current = sequences.FindById(name);
        var next = (current?["value"].AsInt64 ?? 0) + 1;
        sequences.Upsert(new BsonDocument { ["_id"] = name, ["value"] = next });
        return next;
    }

    /// <summary>The last value handed out, 0 when none.</summary>
    public static long Current(LiteDatabase db, string name) =>
        db.GetCollection(Collection).FindById(name)?["value"].AsInt64 ?? 0;
}
