using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IContactStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private IContactStore ContactContacts => Store<IContactStore>();

    private static ContactRecord ContactContact(long owner, long user, string name = "Name", string? surname = null) =>
        new() { OwnerId = owner, UserId = user, Name = name, Surname = surname };

    [Fact]
    public async Task ContactStore_Add_IsOnce_PerOwnerAndUser()
    {
        Assert.True(await ContactContacts.TryAddAsync(ContactContact(1, 2, "Bob", "Builder"), Ct));
        Assert.False(await ContactContacts.TryAddAsync(ContactContact(1, 2, "Robert"), Ct));
        Assert.True(await ContactContacts.TryAddAsync(ContactContact(2, 1), Ct));

        Assert.Equal(ContactContact(1, 2, "Bob", "Builder"), await ContactContacts.GetAsync(1, 2, Ct));
        Assert.Null(await ContactContacts.GetAsync(3, 2, Ct));
    }

    [Fact]
    public async Task ContactStore_ConcurrentAdds_MakeOneContact()
    {
        var adds = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () => await ContactContacts.TryAddAsync(ContactContact(1, 2, $"N{i}"), Ct))));

        Assert.Single(adds, added => added);
        Assert.Single(await ContactContacts.ListAsync(1, 0, 100, Ct));
    }

    [Fact]
    public async Task ContactStore_List_IsOrderedByNameIgnoringCase_ThenSurname_ThenUserId_AndPages()
    {
        await ContactContacts.TryAddAsync(ContactContact(1, 10, "carol"), Ct);
        await ContactContacts.TryAddAsync(ContactContact(1, 11, "Bob", "Zed"), Ct);
        await ContactContacts.TryAddAsync(ContactContact(1, 12, "Bob", "Adams"), Ct);
        await ContactContacts.TryAddAsync(ContactContact(1, 14, "alice"), Ct);
        await ContactContacts.TryAddAsync(ContactContact(1, 13, "alice"), Ct);
        await ContactContacts.TryAddAsync(ContactContact(1, 16, "BOB", "baker"), Ct);
        await ContactContacts.TryAddAsync(ContactContact(2, 15, "Aaron"), Ct);

        Assert.Equal([13L, 14L, 12L, 16L, 11L, 10L], (await ContactContacts.ListAsync(1, 0, 100, Ct)).Select(c => c.UserId));
        Assert.Equal([12L, 16L], (await ContactContacts.ListAsync(1, 2, 2, Ct)).Select(c => c.UserId));
        Assert.Empty(await ContactContacts.ListAsync(1, 6, 10, Ct));
        Assert.Empty(await ContactContacts.ListAsync(3, 0, 10, Ct));
    }

    [Fact]
    public async Task ContactStore_Update_ReplacesNames_OfAnExistingContactOnly()
    {
        await ContactContacts.TryAddAsync(ContactContact(1, 2, "Bob", "Builder"), Ct);

        Assert.True(await ContactContacts.UpdateAsync(ContactContact(1, 2, "Robert"), Ct));
        Assert.False(await ContactContacts.UpdateAsync(ContactContact(1, 3, "Nobody"), Ct));

        Assert.Equal(ContactContact(1, 2, "Robert"), await ContactContacts.GetAsync(1, 2, Ct));
        Assert.Null(await ContactContacts.GetAsync(1, 3, Ct));
    }

    [Fact]
    public async Task ContactStore_Delete_RemovesOneContact_AndSaysWhetherItExisted()
    {
        await ContactContacts.TryAddAsync(ContactContact(1, 2), Ct);
        await ContactContacts.TryAddAsync(ContactContact(1, 3), Ct);

        Assert.True(await ContactContacts.DeleteAsync(1, 2, Ct));
        Assert.False(await ContactContacts.DeleteAsync(1, 2, Ct));
        Assert.Null(await ContactContacts.GetAsync(1, 2, Ct));
        Assert.NotNull(await ContactContacts.GetAsync(1, 3, Ct));
        Assert.True(await ContactContacts.TryAddAsync(ContactContact(1, 2), Ct));
    }

    [Fact]
    public async Task ContactStore_DeleteUser_RemovesTheContactsTheyHold_AndThoseNamingThem()
    {
        await ContactContacts.TryAddAsync(ContactContact(1, 2), Ct);
        await ContactContacts.TryAddAsync(ContactContact(2, 1), Ct);
        await ContactContacts.TryAddAsync(ContactContact(2, 3), Ct);
        await ContactContacts.TryAddAsync(ContactContact(3, 4), Ct);

        await ContactContacts.DeleteUserAsync(2, Ct);

        Assert.Empty(await ContactContacts.ListAsync(1, 0, 10, Ct));
        Assert.Empty(await ContactContacts.ListAsync(2, 0, 10, Ct));
        Assert.Single(await ContactContacts.ListAsync(3, 0, 10, Ct));
    }
}
