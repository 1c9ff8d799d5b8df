using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="ITokenStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private ITokenStore TokenTokens => Store<ITokenStore>();

    private static TokenRecord TokenToken(long owner, string hash) => new() { OwnerId = owner, Hash = hash, Name = "n", CreatedAt = At(1) };

    [Fact]
    public async Task TokenStore_Create_ThenFindByHash_RoundTrips()
    {
        var created = await TokenTokens.CreateAsync(TokenToken(1, "abc"), Ct);

        Assert.Equal(created, await TokenTokens.FindByHashAsync("abc", Ct));
        Assert.Null(await TokenTokens.FindByHashAsync("other", Ct));
    }

    [Fact]
    public async Task TokenStore_List_PagesOneOwnersTokens_OldestFirst()
    {
        var a = await TokenTokens.CreateAsync(TokenToken(1, "a"), Ct);
        await TokenTokens.CreateAsync(TokenToken(2, "b"), Ct);
        var c = await TokenTokens.CreateAsync(TokenToken(1, "c"), Ct);

        Assert.Equal([a.Id, c.Id], (await TokenTokens.ListAsync(1, 0, 10, Ct)).Select(t => t.Id));
        Assert.Equal([c.Id], (await TokenTokens.ListAsync(1, 1, 10, Ct)).Select(t => t.Id));
    }

    [Fact]
    public async Task TokenStore_Delete_OnlyRemovesTheOwnersToken()
    {
        var token = await TokenTokens.CreateAsync(TokenToken(1, "a"), Ct);

        Assert.False(await TokenTokens.DeleteAsync(2, token.Id, Ct));
        Assert.True(await TokenTokens.DeleteAsync(1, token.Id, Ct));
        Assert.Null(await TokenTokens.FindByHashAsync("a", Ct));
    }

    [Fact]
    public async Task TokenStore_Touch_RecordsLastUse_AndDeleteAll_RemovesEveryToken()
    {
        var token = await TokenTokens.CreateAsync(TokenToken(1, "a"), Ct);
        await TokenTokens.CreateAsync(TokenToken(1, "b"), Ct);

        await TokenTokens.TouchAsync(token.Id, At(9), Ct);
        Assert.Equal(At(9), (await TokenTokens.FindByHashAsync("a", Ct))?.LastUsedAt);

        await TokenTokens.DeleteAllAsync(1, Ct);
        Assert.Empty(await TokenTokens.ListAsync(1, 0, 10, Ct));
    }
}
