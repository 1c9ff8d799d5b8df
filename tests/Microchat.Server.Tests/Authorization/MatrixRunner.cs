namespace Microchat.Server.Tests.Authorization;

/// <summary>One cell to run: a row, a caller, the status it must get, and where the token goes.</summary>
internal sealed record CellPlan(MatrixRow Row, Who Who, int Expected, bool TokenInQuery = false)
{
    public override string ToString() =>
        $"{Row} as {MatrixRunner.Describe(Who)}{(TokenInQuery ? " with ?access_token=" : "")}";
}

/// <summary>Runs cells and collects what went wrong, so one run reports every failing cell.</summary>
internal static class MatrixRunner
{
    private const string Problem = "application/problem+json";

    /// <summary>Every caller of every row, with the status the row expects for it.</summary>
    public static Task<IReadOnlyList<string>> RunAsync(MatrixWorld world, IEnumerable<MatrixRow> rows, bool isPrivate) =>
        RunAsync(world, rows.Select(row => Enum.GetValues<Who>().Select(who => new CellPlan(row, who, row.Expected.For(who)))), isPrivate);

    /// <summary>The cells of one group run side by side (they share nothing they change); the groups one after another.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(MatrixWorld world, IEnumerable<IEnumerable<CellPlan>> groups, bool isPrivate)
    {
        var failures = new List<string>();
        foreach (var group in groups)
        {
            var cells = await Task.WhenAll(group.Select(plan => RunCellAsync(world, plan, new MatrixCell(world, plan.Who, isPrivate))));
            failures.AddRange(cells.SelectMany(problems => problems));
        }
        return failures;
    }

    private static async Task<IReadOnlyList<string>> RunCellAsync(MatrixWorld world, CellPlan plan, MatrixCell cell)
    {
        CellRequest request;
        try
        {
            request = await plan.Row.Build(cell);
        }
        catch (Exception e)
        {
            return [$"{plan}: setup failed: {e.Message}"];
        }

        using var response = await world.Api.SendAsync(request, cell.Caller?.Token, plan.TokenInQuery);
        var problems = new List<string>();
        var got = (int)response.StatusCode;
        if (got != plan.Expected) problems.Add($"{plan}: expected {plan.Expected}, got {got}");
        var reached = response.Headers.TryGetValues(EndpointEcho.Header, out var values) ? values.Single() : "no endpoint";
        if (reached != plan.Row.Endpoint) problems.Add($"{plan}: {request.Method} /api/{request.Path} reached {reached}");
        if (got >= 400 && response.Content.Headers.ContentType?.MediaType != Problem)
            problems.Add($"{plan}: the {got} came as {response.Content.Headers.ContentType?.MediaType ?? "no body"}, not {Problem}");
        return problems;
    }

    public static string Describe(Who who) => who switch
    {
        Who.SiteAdministrator => "site administrator",
        _ => who.ToString().ToLowerInvariant(),
    };
}
