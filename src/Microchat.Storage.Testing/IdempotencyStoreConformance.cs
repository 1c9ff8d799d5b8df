using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IIdempotencyStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private IIdempotencyStore IdempotencyResponses => Store<IIdempotencyStore>();

    private static IdempotencyRecord IdempotencyResponse(string key, int status, DateTimeOffset at) => new()
    {
        Key = key, StatusCode = status, ContentType = "application/json", Location = "/x", Body = [1, 2, 3], CreatedAt = at,
    };

    [Fact]
    public async Task IdempotencyStore_Save_KeepsTheFirstResponse()
    {
        await IdempotencyResponses.SaveAsync(IdempotencyResponse("k", 201, At(1)), Ct);
        await IdempotencyResponses.SaveAsync(IdempotencyResponse("k", 200, At(2)), Ct);

        var stored = await IdempotencyResponses.FindAsync("k", Ct);
        Assert.Equal(201, stored?.StatusCode);
        Assert.Equal([1, 2, 3], stored?.Body);
        Assert.Equal("/x", stored?.Location);
    }

    [Fact]
    public async Task IdempotencyStore_Prune_RemovesOnlyOlderResponses()
    {
        await IdempotencyResponses.SaveAsync(IdempotencyResponse("old", 201, At(1)), Ct);
        await IdempotencyResponses.SaveAsync(IdempotencyResponse("new", 201, At(5)), Ct);

        await IdempotencyResponses.PruneAsync(At(3), Ct);

        Assert.Null(await IdempotencyResponses.FindAsync("old", Ct));
        Assert.NotNull(await IdempotencyResponses.FindAsync("new", Ct));
    }
}
