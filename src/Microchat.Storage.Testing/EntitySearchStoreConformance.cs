using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IEntitySearchStore"/> must do: the entity store keeps its word index in step.</summary>
public abstract partial class StoreConformance
{
    private IEntityStore EntitySearchEntities => Store<IEntityStore>();

    private IEntitySearchStore EntitySearchSearch => Store<IEntitySearchStore>();

    private async Task<List<string>> EntitySearchAliasesAsync(string q) =>
        (await EntitySearchSearch.SearchAsync(SearchWords.Of(q), Ct)).Select(e => e.Alias).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task EntitySearchStore_AliasAndTitleWords_MatchByPrefix()
    {
        await EntitySearchEntities.TryCreateAsync(new EntityRecord { Alias = "john_smith", Type = EntityType.User, CreatedAt = At(1), Name = "Jöhn", Surname = "Smith" }, Ct);
        await EntitySearchEntities.TryCreateAsync(new EntityRecord { Alias = "news", Type = EntityType.Conference, CreatedAt = At(1), Title = "Daily News" }, Ct);

        Assert.Equal(["john_smith"], await EntitySearchAliasesAsync("smi"));
        Assert.Equal(["john_smith"], await EntitySearchAliasesAsync("john sm"));
        Assert.Equal(["news"], await EntitySearchAliasesAsync("DAILY"));
        Assert.Empty(await EntitySearchAliasesAsync("aily"));
    }

    [Fact]
    public async Task EntitySearchStore_Updates_ReIndex_AndDeletionsUnindex()
    {
        var bot = await EntitySearchEntities.TryCreateAsync(new EntityRecord { Alias = "helper", Type = EntityType.Bot, CreatedAt = At(1), Title = "Weather" }, Ct);

        await EntitySearchEntities.UpdateAsync(bot! with { Title = "Forecast" }, Ct);
        Assert.Empty(await EntitySearchAliasesAsync("weather"));
        Assert.Equal(["helper"], await EntitySearchAliasesAsync("fore"));

        await EntitySearchEntities.DeleteAsync(bot!.Id, Ct);
        Assert.Empty(await EntitySearchAliasesAsync("helper"));
    }
}
