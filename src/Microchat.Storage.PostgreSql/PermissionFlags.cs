using Microchat.Contracts;

namespace Microchat.Storage.PostgreSql;

/// <summary>Permissions as bits, in the order API.md lists the flags (as the LiteDB store keeps them).</summary>
internal static class PermissionFlags
{
    public static int ToBits(Permissions p) =>
        (p.Read ? 1 : 0) | (p.Send ? 2 : 0) | (p.SendMedia ? 4 : 0) | (p.Delete ? 8 : 0) |
        (p.AddUser ? 16 : 0) | (p.RemoveUser ? 32 : 0) | (p.EditConference ? 64 : 0) | (p.Admin ? 128 : 0);

    public static Permissions FromBits(int bits) => new(
        (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
        (bits & 16) != 0, (bits & 32) != 0, (bits & 64) != 0, (bits & 128) != 0);
}
