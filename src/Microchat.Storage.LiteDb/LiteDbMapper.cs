using System.Collections;
using System.Reflection;
using LiteDB;
using Microchat.Contracts;

namespace Microchat.Storage.LiteDb;

/// <summary>How documents map to BSON: times as Unix milliseconds, permissions as a flag word.</summary>
internal static class LiteDbMapper
{
    // Every class this provider stores, found once: the document types and the classes inside them.
    private static readonly Type[] Mapped = FindMappedTypes();

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
        // LiteDB 5 builds a type's member map on first use and publishes it, still empty, in a
        // dictionary other threads read without a lock: a second thread then maps that type with no
        // members ("Member Id not found", or a document written without its fields), which fails the
        // unit of work and rolls back a batch that may have created a collection (LiteDB then keeps
        // the collection pointing at a discarded page: "page type must be collection page"). So every
        // map is built here, on one thread, before the mapper is shared.
        foreach (var type in Mapped) BuildEntity.MakeGenericMethod(type).Invoke(mapper, null);
        return mapper;
    }

    private static readonly MethodInfo BuildEntity = typeof(BsonMapper).GetMethod(nameof(BsonMapper.Entity))!;

    private static Type[] FindMappedTypes()
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(typeof(LiteDbMapper).Assembly.GetTypes().Where(t => t.Name.EndsWith("Document", StringComparison.Ordinal)));
        while (pending.TryPop(out var type))
        {
            if (!IsMappedClass(type) || !found.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var member = property.PropertyType;
                pending.Push(member);
                if (member.IsArray) pending.Push(member.GetElementType()!);
                if (member.IsGenericType && typeof(IEnumerable).IsAssignableFrom(member))
                    foreach (var argument in member.GetGenericArguments()) pending.Push(argument);
            }
        }
        return [.. found];
    }

    // A class of this assembly that LiteDB maps member by member (not a registered or built-in type).
    private static bool IsMappedClass(Type type) =>
        type.IsClass && !type.IsAbstract && type.Assembly == typeof(LiteDbMapper).Assembly && !type.IsGenericTypeDefinition
        && type.GetConstructor(Type.EmptyTypes) is not null;
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
