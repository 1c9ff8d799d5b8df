using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="ITokenStore"/> must do.</summary>
public abstract class TokenStoreConformance : StoreConformance
{
    private ITokenStore Tokens => Store<ITokenStore>();

    private static TokenRecord Token(long owner, string hash) => new() { OwnerId = owner, Hash = hash, Name = "n", CreatedAt = At(1) };

    [Fact]
    public async Task Create_ThenFindByHash_RoundTrips()
    {
        var created = await Tokens.CreateAsync(Token(1, "abc"), Ct);

        Assert.Equal(created, await Tokens.FindByHashAsync("abc", Ct));
        Assert.Null(await Tokens.FindByHashAsync("other", Ct));
    }

    [Fact]
    public async Task List_PagesOneOwnersTokens_OldestFirst()
    {
        var a = await Tokens.CreateAsync(Token(1, "a"), Ct);
        await Tokens.CreateAsync(Token(2, "b"), Ct);
        var c = await Tokens.CreateAsync(Token(1, "c"), Ct);

        Assert.Equal([a.Id, c.Id], (await Tokens.ListAsync(1, 0, 10, Ct)).Select(t => t.Id));
        Assert.Equal([c.Id], (await Tokens.ListAsync(1, 1, 10, Ct)).Select(t => t.Id));
    }

    [Fact]
    public async Task Delete_OnlyRemovesTheOwnersToken()
    {
        var token = await Tokens.CreateAsync(Token(1, "a"), Ct);

        Assert.False(await Tokens.DeleteAsync(2, token.Id, Ct));
        Assert.True(await Tokens.DeleteAsync(1, token.Id, Ct));
        Assert.Null(await Tokens.FindByHashAsync("a", Ct));
    }

    [Fact]
    public async Task Touch_RecordsLastUse_AndDeleteAll_RemovesEveryToken()
    {
        var token = await Tokens.CreateAsync(Token(1, "a"), Ct);
        await Tokens.CreateAsync(Token(1, "b"), Ct);

        await Tokens.TouchAsync(token.Id, At(9), Ct);
        Assert.Equal(At(9), (await Tokens.FindByHashAsync("a", Ct))?.LastUsedAt);

        await Tokens.DeleteAllAsync(1, Ct);
        Assert.Empty(await Tokens.ListAsync(1, 0, 10, Ct));
    }
}
