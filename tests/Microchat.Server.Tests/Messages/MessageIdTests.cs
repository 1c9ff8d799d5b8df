using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Messages;

public sealed class MessageIdTests
{
    [Fact]
    public async Task TwoHundredConcurrentSends_GetIds1To200_WithoutGapsOrDuplicates_AndBothSidesSeeTheSameIds()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();

        var sends = Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest($"a{i}"))
            : bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest($"b{i}")));
        var sent = await Task.WhenAll(sends);

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), sent.Select(m => m.Id).Order());
        var seenByAlice = await ListAllAsync(alice, bob.Ref);
        var seenByBob = await ListAllAsync(bob, alice.Ref);
        Assert.Equal(Enumerable.Range(1, 200).Reverse().Select(i => (long)i), seenByAlice.Select(m => m.Id));
        Assert.Equal(seenByAlice.Select(m => (m.Id, m.Text, m.Sender.Id)), seenByBob.Select(m => (m.Id, m.Text, m.Sender.Id)));
        // Each send got back the id under which it was stored.
        Assert.All(sent, m => Assert.Equal(m.Text, seenByAlice.Single(s => s.Id == m.Id).Text));
    }

    [Fact]
    public async Task Ids_AreNumberedPerChat()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();

        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("1"));
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("2"));
        var toCarol = await alice.Client.Messages.SendAsync(carol.Ref, new SendMessageRequest("1"));
        var toSelf = await alice.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("1"));

        Assert.Equal((1L, 1L), (toCarol.Id, toSelf.Id));
    }

    private static async Task<List<Message>> ListAllAsync(SignedIn reader, string chat)
    {
        var all = new List<Message>();
        long? before = null;
        while (true)
        {
            var page = await reader.Client.Messages.ListAsync(chat, count: 100, before: before);
            if (page.Count == 0) return all;
            all.AddRange(page);
            before = page[^1].Id;
        }
    }
}
