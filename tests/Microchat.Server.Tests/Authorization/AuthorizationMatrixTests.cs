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

    private async Task RunAsync(IReadOnlyList<MatrixRow> rows, bool isPrivate)
    {
        var clock = Stopwatch.StartNew();
        var failures = await MatrixRunner.RunAsync(world, rows, isPrivate);
        output.WriteLine($"{rows.Count} rows, {rows.Count * Enum.GetValues<Who>().Length} cells in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} failing cells:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
