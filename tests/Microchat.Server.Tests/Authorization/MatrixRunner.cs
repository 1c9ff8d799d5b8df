namespace Microchat.Server.Tests.Authorization;

/// <summary>Runs every cell of a table and collects what went wrong, so one run reports every failing cell.</summary>
internal static class MatrixRunner
{
    private const string Problem = "application/problem+json";

    /// <summary>Each row's cells run side by side (they share nothing they change); the rows run one after another.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(MatrixWorld world, IEnumerable<MatrixRow> rows, bool isPrivate)
    {
        var failures = new List<string>();
        foreach (var row in rows)
        {
            var cells = await Task.WhenAll(Enum.GetValues<Who>().Select(who => RunCellAsync(world, row, new MatrixCell(world, who, isPrivate))));
            failures.AddRange(cells.SelectMany(problems => problems));
        }
        return failures;
    }

    private static async Task<IReadOnlyList<string>> RunCellAsync(MatrixWorld world, MatrixRow row, MatrixCell cell)
    {
        var name = $"{row} as {Describe(cell.Who)}";
        CellRequest request;
        try
        {
            request = await row.Build(cell);
        }
        catch (Exception e)
        {
            return [$"{name}: setup failed: {e.Message}"];
        }

        using var response = await world.Api.SendAsync(request, cell.Caller?.Token);
        var problems = new List<string>();
        var expected = row.Expected.For(cell.Who);
        var got = (int)response.StatusCode;
        if (got != expected) problems.Add($"{name}: expected {expected}, got {got}");
        var reached = response.Headers.TryGetValues(EndpointEcho.Header, out var values) ? values.Single() : "no endpoint";
        if (reached != row.Endpoint) problems.Add($"{name}: {request.Method} /api/{request.Path} reached {reached}");
        if (got >= 400 && response.Content.Headers.ContentType?.MediaType != Problem)
            problems.Add($"{name}: the {got} came as {response.Content.Headers.ContentType?.MediaType ?? "no body"}, not {Problem}");
        return problems;
    }

    public static string Describe(Who who) => who switch
    {
        Who.SiteAdministrator => "site administrator",
        _ => who.ToString().ToLowerInvariant(),
    };
}
