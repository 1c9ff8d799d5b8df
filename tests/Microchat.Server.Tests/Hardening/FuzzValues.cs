using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Microchat.Server.Tests.Hardening;

/// <summary>
/// Values for the fuzzer: plausible ones drawn from the fixture (real aliases, ids, media) and
/// hostile ones (wrong types, huge and odd strings, out-of-range numbers).
/// </summary>
internal sealed class FuzzValues(Random random, FuzzFixture fixture)
{
    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "a\u0000b", "\u202Eexe.txt", "😀😀😀", "\uD800", "null", "-1", "0", "1e400", "NaN",
        "../../etc/passwd", "%00", "%", "@", "@@", "'; DROP TABLE x;--", "<script>alert(1)</script>", "\r\n\r\nX: y",
        "ÅÄÖ ñ 中文 العربية", "\t", "true", "{}", "[]", "@" + new string('a', 40), new string('x', 300),
    ];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(double p) => random.NextDouble() < p;

    /// <summary>A hostile string: odd, huge, or random unicode.</summary>
    public string OddString() => random.Next(6) switch
    {
        0 => new string((char)random.Next(32, 127), random.Next(1, 200_000)),
        1 => RandomUnicode(random.Next(1, 64)),
        _ => Pick(OddStrings),
    };

    public string RandomUnicode(int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++) text.Append((char)random.Next(0, 0xFFFF));
        return text.ToString();
    }

    /// <summary>A value for a path parameter, by name: usually a real one, often not.</summary>
    public string PathValue(string name)
    {
        if (Chance(0.25)) return Uri.EscapeDataString(OddString().Length > 2000 ? "long" : OddString());
        return name switch
        {
            "chat" or "contact" or "member" => Pick(fixture.ChatRefs),
            "id" when Chance(0.5) => Pick(fixture.MediaIds),
            "id" => Pick(fixture.Numbers).ToString(CultureInfo.InvariantCulture),
            _ => Pick(fixture.ChatRefs),
        };
    }

    /// <summary>A value for a query parameter or header.</summary>
    public string QueryValue(JsonNode? schema) => random.Next(5) switch
    {
        0 => Uri.EscapeDataString(OddString().Length > 2000 ? "9999999999999999999999" : OddString()),
        1 => Pick(["-1", "0", "101", "2147483648", "9223372036854775808", "1.5", "abc", "", "%20"]),
        _ => Pick(fixture.Numbers).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A hostile JSON value of any type.</summary>
    public JsonNode? WrongValue(int depth) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(Pick(new[] { long.MaxValue, long.MinValue, -1L, 0L, 1L << 53 })),
        3 => JsonValue.Create(Pick(new[] { 1.5, -0.0, 1e300, double.Epsilon })),
        4 => new JsonArray(),
        5 => new JsonObject(),
        6 when depth < 3 => new JsonArray(WrongValue(depth + 1), WrongValue(depth + 1)),
        7 when depth < 3 => new JsonObject { ["x"] = WrongValue(depth + 1) },
        _ => JsonValue.Create(OddString()),
    };

    /// <summary>A plausible value for a string property, by name.</summary>
    public string StringFor(string property) => property switch
    {
        "alias" or "username" => TestUsersAlias(),
        "login" => Pick(fixture.Aliases),
        "password" => Chance(0.7) ? Infrastructure.TestUsers.Password : OddString(),
        "role" => Pick(["member", "admin", "owner", "banned", "nobody"]),
        "media_id" or "attachments" => Pick(fixture.MediaIds),
        "member" or "user" or "chat" => Pick(fixture.ChatRefs),
        _ => Chance(0.8) ? "fuzz " + random.Next(1000) : OddString(),
    };

    private string TestUsersAlias() => Chance(0.8) ? Infrastructure.TestUsers.UniqueAlias("fz") : Pick(fixture.Aliases);

    public long Number() => Pick(fixture.Numbers);
}

/// <summary>What the fuzzer addresses: the live fixture's aliases, ids and media, and some that are not.</summary>
internal sealed class FuzzFixture
{
    public List<string> Aliases { get; } = [];

    public List<string> ChatRefs { get; } = ["@nobody_here", "0", "-1", "999999", "9223372036854775807"];

    public List<string> MediaIds { get; } = ["nope", "0", ""];

    public List<long> Numbers { get; } = [0, 1, 2, 3, 5, 20, 100, -1, 999_999];

    public List<string> Tokens { get; } = [];
}
