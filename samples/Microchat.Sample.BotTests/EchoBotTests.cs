using Microchat.Client;
using Microchat.Contracts;
using TheEchoBot = Microchat.Sample.EchoBot.EchoBot;
using Microchat.Testing;
using Xunit;

namespace Microchat.Sample.BotTests;

/// <summary>
/// The echo bot against a real Microchat server in memory: each test starts a server, a user and
/// the bot, talks to it as a user would, and checks the answers — in milliseconds, no network.
/// </summary>
public sealed class EchoBotTests : IAsyncLifetime
{
    private MicrochatTestServer _server = null!;
    private TestAccount _user = null!;
    private TestAccount _bot = null!;
    private RunningBot _running = null!;

    public async Task InitializeAsync()
    {
        _server = await MicrochatTestServer.StartAsync();
        _user = await _server.CreateUserAsync(name: "Alice");
        _bot = await _server.CreateBotAsync(_user);
        _running = await _server.StartBotAsync(_bot, new TheEchoBot());
    }

    public async Task DisposeAsync()
    {
        await _running.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Start_Greets_TheUserByName()
    {
        var answer = await _user.AskAsync(_bot, "/start");

        Assert.StartsWith("Hello, Alice!", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessage_IsEchoed_AsAReplyToIt()
    {
        var answer = await _user.AskAsync(_bot, "hello there");

        var sent = (await _user.Client.Messages.ListAsync("@" + _bot.Alias, count: 2)).Single(m => m.Sender.Id == _user.Id);
        Assert.Equal(("hello there", sent.Id), (answer.Text, answer.ReplyTo));
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var answer = await _user.AskAsync(_bot, "/help");

        Assert.All(["/start", "/echo", "/photo", "/help"], command => Assert.Contains(command + " — ", answer.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Photo_SendsAPhoto_WhoseBytesComeBackAsAStream()
    {
        var answer = await _user.AskAsync(_bot, "/photo");

        var attachment = Assert.Single(answer.Attachments);
        Assert.Equal((MediaKind.Photo, "A dot, for you."), (attachment.Kind, answer.Text));
        await using var download = await _user.Client.Media.OpenReadAsync(attachment.Media.Id);
        using var bytes = new MemoryStream();
        await download.Content.CopyToAsync(bytes);
        Assert.Equal(TheEchoBot.Dot, bytes.ToArray());
    }

    [Fact]
    public async Task TheBot_NeverAnswersItself()
    {
        await _user.AskAsync(_bot, "once");
        await Task.Delay(200);

        var history = await _user.Client.Messages.ListAsync("@" + _bot.Alias);
        Assert.Equal(["once", "once"], history.Select(m => m.Text));
    }
}
