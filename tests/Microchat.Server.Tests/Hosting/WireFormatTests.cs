using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Hosting;

public sealed class WireFormatTests
{
    [Fact]
    public async Task Times_AreIso8601WithAZeroOffset_AndRoundTripThroughTheClient()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync("alice");
        using var http = host.CreateHttpClient();

        var response = await http.PostAsync("auth/tokens",
            new StringContent("""{"login":"alice","password":"correct horse battery"}""", Encoding.UTF8, "application/json"));
        var createdAt = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("created_at").GetString();

        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?\+00:00$"), createdAt);
        var listed = await alice.Client.Auth.ListTokensAsync();
        Assert.Contains(listed, t => t.CreatedAt == DateTimeOffset.Parse(createdAt!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
