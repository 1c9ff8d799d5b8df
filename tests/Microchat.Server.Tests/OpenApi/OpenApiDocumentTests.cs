using System.Text.Json;
using System.Text.Json.Nodes;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.OpenApi;

/// <summary>
/// The wire is pinned by docs/openapi.json. When a change to it is intended, regenerate with
/// <c>MICROCHAT_UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests</c> and commit the file.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task TheServedDocument_MatchesDocsOpenApiJson()
    {
        await using var host = new MicrochatHost();
        using var http = host.CreateClient();
        var served = Normalise(await http.GetStringAsync("/openapi/v1.json"));
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("MICROCHAT_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served);
        }

        Assert.True(File.Exists(path), $"{path} is missing: regenerate it (see this class's summary).");
        var committed = Normalise(await File.ReadAllTextAsync(path));
        Assert.True(committed == served,
            "The served OpenAPI document differs from docs/openapi.json. If the change is intended, regenerate it: "
            + "MICROCHAT_UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests");
    }

    [Fact]
    public async Task EveryOperation_HasAnIdAndASummary()
    {
        await using var host = new MicrochatHost();
        using var http = host.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.False(string.IsNullOrEmpty(operation?["operationId"]?.GetValue<string>()), $"{method} {path} has no operationId");
                Assert.False(string.IsNullOrEmpty(operation?["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
            }
        }
    }

    // The test server always answers as http://localhost, so the servers entry is stable too
    // (and the committed document keeps one: linters refuse a document without servers).
    private static string Normalise(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Microchat.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Microchat.sln not found above the test binaries.");
    }
}
