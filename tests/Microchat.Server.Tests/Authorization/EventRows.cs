using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>The event stream: every authenticated caller has one (the runner reads only its headers).</summary>
internal static class EventRows
{
    public static IEnumerable<MatrixRow> All =>
    [
        Row("GET /api/events", _ => Get("events"),
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
    ];
}
