using System.Diagnostics;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Microchat.Server.Tests.Authorization;

/// <summary>
/// Every endpoint × every kind of caller, each cell asserting the exact status API.md (and docs/decisions.md where
/// it is silent) gives. A new endpoint without a row fails <see cref="EveryEndpoint_HasARow_AndEveryRow_AnEndpoint"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixWorld world, ITestOutputHelper output) : IClassFixture<MatrixWorld>
{
    [Fact]
    public void EveryEndpoint_HasARow_AndEveryRow_AnEndpoint()
    {
        var endpoints = world.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(EndpointEcho.Describe)
            .OfType<string>()
            .ToHashSet();
        var rows = MatrixTables.PrivateConference.Concat(MatrixTables.PublicConference).Select(row => row.Endpoint).ToHashSet();

        var failures = endpoints.Except(rows).Order().Select(e => $"{e} has no row in the matrix")
            .Concat(rows.Except(endpoints).Order().Select(r => $"{r} is a row but no such endpoint is mapped"))
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public Task PrivateConference_EveryCaller_GetsTheDocumentedStatus() => RunAsync(MatrixTables.PrivateConference, isPrivate: true);

    [Fact]
    public Task PublicConference_EveryCaller_GetsTheDocumentedStatus() => RunAsync(MatrixTables.PublicConference, isPrivate: false);

    /// <summary>
    /// API.md: only the event stream and media content take <c>?access_token=</c> (browsers cannot set headers there).
    /// Every other endpoint treats such a caller as anonymous; those two treat it as the owner calling with a header.
    /// </summary>
    [Fact]
    public async Task AccessTokenInTheQuery_CountsOnlyForEventsAndMediaContent()
    {
        string[] accepting = ["GET /api/events", "GET /api/media/{id}/content"];
        var cells = MatrixTables.PrivateConference.Select(row =>
            new CellPlan(row, Who.Owner, accepting.Contains(row.Endpoint) ? row.Expected.Owner : row.Expected.Anonymous, TokenInQuery: true));
        var clock = Stopwatch.StartNew();
        // Several rows at a time: each is one cell here.
        var failures = await MatrixRunner.RunAsync(world, cells.Chunk(Enum.GetValues<Who>().Length), isPrivate: true);
        output.WriteLine($"{MatrixTables.PrivateConference.Count} cells in {clock.Elapsed.TotalSeconds:0.0} s");
        Fail(failures);
    }

    private async Task RunAsync(IReadOnlyList<MatrixRow> rows, bool isPrivate)
    {
        var clock = Stopwatch.StartNew();
        var failures = await MatrixRunner.RunAsync(world, rows, isPrivate);
        output.WriteLine($"{rows.Count} rows, {rows.Count * Enum.GetValues<Who>().Length} cells in {clock.Elapsed.TotalSeconds:0.0} s");
        Fail(failures);
    }

    private static void Fail(IReadOnlyList<string> failures) =>
        Assert.True(failures.Count == 0, $"{failures.Count} failing cells:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
}
