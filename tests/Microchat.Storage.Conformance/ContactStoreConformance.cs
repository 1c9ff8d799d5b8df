using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IContactStore"/> must do.</summary>
public abstract class ContactStoreConformance : StoreConformance
{
    private IContactStore Contacts => Store<IContactStore>();

    private static ContactRecord Contact(long owner, long user, string name = "Name", string? surname = null) =>
        new() { OwnerId = owner, UserId = user, Name = name, Surname = surname };

    [Fact]
    public async Task Add_IsOnce_PerOwnerAndUser()
    {
        Assert.True(await Contacts.TryAddAsync(Contact(1, 2, "Bob", "Builder"), Ct));
        Assert.False(await Contacts.TryAddAsync(Contact(1, 2, "Robert"), Ct));
        Assert.True(await Contacts.TryAddAsync(Contact(2, 1), Ct));

        Assert.Equal(Contact(1, 2, "Bob", "Builder"), await Contacts.GetAsync(1, 2, Ct));
        Assert.Null(await Contacts.GetAsync(3, 2, Ct));
    }

    [Fact]
    public async Task ConcurrentAdds_MakeOneContact()
    {
        var adds = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () => await Contacts.TryAddAsync(Contact(1, 2, $"N{i}"), Ct))));

        Assert.Single(adds, added => added);
        Assert.Single(await Contacts.ListAsync(1, 0, 100, Ct));
    }

    [Fact]
    public async Task List_IsOrderedByNameIgnoringCase_ThenSurname_ThenUserId_AndPages()
    {
        await Contacts.TryAddAsync(Contact(1, 10, "carol"), Ct);
        await Contacts.TryAddAsync(Contact(1, 11, "Bob", "Zed"), Ct);
        await Contacts.TryAddAsync(Contact(1, 12, "Bob", "Adams"), Ct);
        await Contacts.TryAddAsync(Contact(1, 14, "alice"), Ct);
        await Contacts.TryAddAsync(Contact(1, 13, "alice"), Ct);
        await Contacts.TryAddAsync(Contact(1, 16, "BOB", "baker"), Ct);
        await Contacts.TryAddAsync(Contact(2, 15, "Aaron"), Ct);

        Assert.Equal([13L, 14L, 12L, 16L, 11L, 10L], (await Contacts.ListAsync(1, 0, 100, Ct)).Select(c => c.UserId));
        Assert.Equal([12L, 16L], (await Contacts.ListAsync(1, 2, 2, Ct)).Select(c => c.UserId));
        Assert.Empty(await Contacts.ListAsync(1, 6, 10, Ct));
        Assert.Empty(await Contacts.ListAsync(3, 0, 10, Ct));
    }

    [Fact]
    public async Task Update_ReplacesNames_OfAnExistingContactOnly()
    {
        await Contacts.TryAddAsync(Contact(1, 2, "Bob", "Builder"), Ct);

        Assert.True(await Contacts.UpdateAsync(Contact(1, 2, "Robert"), Ct));
        Assert.False(await Contacts.UpdateAsync(Contact(1, 3, "Nobody"), Ct));

        Assert.Equal(Contact(1, 2, "Robert"), await Contacts.GetAsync(1, 2, Ct));
        Assert.Null(await Contacts.GetAsync(1, 3, Ct));
    }

    [Fact]
    public async Task Delete_RemovesOneContact_AndSaysWhetherItExisted()
    {
        await Contacts.TryAddAsync(Contact(1, 2), Ct);
        await Contacts.TryAddAsync(Contact(1, 3), Ct);

        Assert.True(await Contacts.DeleteAsync(1, 2, Ct));
        Assert.False(await Contacts.DeleteAsync(1, 2, Ct));
        Assert.Null(await Contacts.GetAsync(1, 2, Ct));
        Assert.NotNull(await Contacts.GetAsync(1, 3, Ct));
        Assert.True(await Contacts.TryAddAsync(Contact(1, 2), Ct));
    }

    [Fact]
    public async Task DeleteUser_RemovesTheContactsTheyHold_AndThoseNamingThem()
    {
        await Contacts.TryAddAsync(Contact(1, 2), Ct);
        await Contacts.TryAddAsync(Contact(2, 1), Ct);
        await Contacts.TryAddAsync(Contact(2, 3), Ct);
        await Contacts.TryAddAsync(Contact(3, 4), Ct);

        await Contacts.DeleteUserAsync(2, Ct);

        Assert.Empty(await Contacts.ListAsync(1, 0, 10, Ct));
        Assert.Empty(await Contacts.ListAsync(2, 0, 10, Ct));
        Assert.Single(await Contacts.ListAsync(3, 0, 10, Ct));
    }
}
