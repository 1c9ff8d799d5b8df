using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IIdempotencyStore"/> must do.</summary>
public abstract class IdempotencyStoreConformance : StoreConformance
{
    private IIdempotencyStore Responses => Store<IIdempotencyStore>();

    private static IdempotencyRecord Response(string key, int status, DateTimeOffset at) => new()
    {
        Key = key, StatusCode = status, ContentType = "application/json", Location = "/x", Body = [1, 2, 3], CreatedAt = at,
    };

    [Fact]
    public async Task Save_KeepsTheFirstResponse()
    {
        await Responses.SaveAsync(Response("k", 201, At(1)), Ct);
        await Responses.SaveAsync(Response("k", 200, At(2)), Ct);

        var stored = await Responses.FindAsync("k", Ct);
        Assert.Equal(201, stored?.StatusCode);
        Assert.Equal([1, 2, 3], stored?.Body);
        Assert.Equal("/x", stored?.Location);
    }

    [Fact]
    public async Task Prune_RemovesOnlyOlderResponses()
    {
        await Responses.SaveAsync(Response("old", 201, At(1)), Ct);
        await Responses.SaveAsync(Response("new", 201, At(5)), Ct);

        await Responses.PruneAsync(At(3), Ct);

        Assert.Null(await Responses.FindAsync("old", Ct));
        Assert.NotNull(await Responses.FindAsync("new", Ct));
    }
}
