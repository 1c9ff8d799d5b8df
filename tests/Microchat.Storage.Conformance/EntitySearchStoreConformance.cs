using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IEntitySearchStore"/> must do: the entity store keeps its word index in step.</summary>
public abstract class EntitySearchStoreConformance : StoreConformance
{
    private IEntityStore Entities => Store<IEntityStore>();

    private IEntitySearchStore Search => Store<IEntitySearchStore>();

    private async Task<List<string>> AliasesAsync(string q) =>
        (await Search.SearchAsync(SearchWords.Of(q), Ct)).Select(e => e.Alias).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task AliasAndTitleWords_MatchByPrefix()
    {
        await Entities.TryCreateAsync(new EntityRecord { Alias = "john_smith", Type = EntityType.User, CreatedAt = At(1), Name = "Jöhn", Surname = "Smith" }, Ct);
        await Entities.TryCreateAsync(new EntityRecord { Alias = "news", Type = EntityType.Conference, CreatedAt = At(1), Title = "Daily News" }, Ct);

        Assert.Equal(["john_smith"], await AliasesAsync("smi"));
        Assert.Equal(["john_smith"], await AliasesAsync("john sm"));
        Assert.Equal(["news"], await AliasesAsync("DAILY"));
        Assert.Empty(await AliasesAsync("aily"));
    }

    [Fact]
    public async Task Updates_ReIndex_AndDeletionsUnindex()
    {
        var bot = await Entities.TryCreateAsync(new EntityRecord { Alias = "helper", Type = EntityType.Bot, CreatedAt = At(1), Title = "Weather" }, Ct);

        await Entities.UpdateAsync(bot! with { Title = "Forecast" }, Ct);
        Assert.Empty(await AliasesAsync("weather"));
        Assert.Equal(["helper"], await AliasesAsync("fore"));

        await Entities.DeleteAsync(bot!.Id, Ct);
        Assert.Empty(await AliasesAsync("helper"));
    }
}
