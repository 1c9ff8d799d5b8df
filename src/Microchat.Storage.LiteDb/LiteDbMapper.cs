using LiteDB;
using Microchat.Contracts;

namespace Microchat.Storage.LiteDb;

/// <summary>How documents map to BSON: times as Unix milliseconds, permissions as a flag word.</summary>
internal static class LiteDbMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false, SerializeNullValues = false };
        // LiteDB keeps DateTime in local time; a plain number keeps UTC instants exact.
        mapper.RegisterType<DateTimeOffset>(
            serialize: value => new BsonValue(value.ToUnixTimeMilliseconds()),
            deserialize: bson => DateTimeOffset.FromUnixTimeMilliseconds(bson.AsInt64));
        mapper.RegisterType<Permissions>(
            serialize: value => new BsonValue(PermissionFlags.ToBits(value)),
            deserialize: bson => PermissionFlags.FromBits(bson.AsInt32));
        return mapper;
    }
}

/// <summary>Permissions as bits, in the order API.md lists the flags.</summary>
internal static class PermissionFlags
{
    public static int ToBits(Permissions p) =>
        (p.Read ? 1 : 0) | (p.Send ? 2 : 0) | (p.SendMedia ? 4 : 0) | (p.Delete ? 8 : 0) |
        (p.AddUser ? 16 : 0) | (p.RemoveUser ? 32 : 0) | (p.EditConference ? 64 : 0) | (p.Admin ? 128 : 0);

    public static Permissions FromBits(int bits) => new(
        (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
        (bits & 16) != 0, (bits & 32) != 0, (bits & 64) != 0, (bits & 128) != 0);
}
