using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Microchat.Server.Tests.Hosting;

/// <summary>Microchat inside a host app that has its own JSON, auth and routes.</summary>
public sealed class EmbeddingTests
{
    [Fact]
    public async Task MapMicrochat_WithoutAddMicrochat_FailsWithAClearMessage()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapMicrochat());

        Assert.Contains("AddMicrochat()", error.Message);
    }

    [Fact]
    public async Task ABadOption_FailsStartUp_WithItsId()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddMicrochat(o => o.MaxUploadBytes = 0).UseLiteDbInMemory();
        await using var app = builder.Build();
        app.MapMicrochat();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("MC0001", error.ToString());
    }

    [Fact]
    public async Task Microchat_KeepsItsWireNames_AndTheHostKeepsItsOwn_UnderAnotherPrefix()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddMicrochat().UseLiteDbInMemory();
        builder.Services.AddMicrochat(); // a second call is harmless
        await using var app = builder.Build();
        app.MapGet("/host/thing", () => new HostThing("x"));
        app.MapMicrochat("/chat/api");
        await app.StartAsync();
        using var http = app.GetTestClient();

        var hostJson = await http.GetStringAsync("/host/thing");
        var register = await http.PostAsync("/chat/api/users",
            new StringContent("""{"alias":"alice","password":"secret123","name":"A"}""", System.Text.Encoding.UTF8, "application/json"));
        var chat = new Microchat.Client.MicrochatClient(new HttpClient(app.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://localhost/chat/api/") });
        var token = await chat.Auth.LoginAsync(new CreateTokenRequest("alice", "secret123"));

        Assert.Equal("""{"someValue":"x"}""", hostJson);
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        Assert.Contains("\"common_conferences\"", await register.Content.ReadAsStringAsync());
        Assert.Equal("/chat/api/chats/@alice", register.Headers.Location?.OriginalString);
        Assert.NotEmpty(token.Token);
    }

    private sealed record HostThing(string SomeValue);
}
