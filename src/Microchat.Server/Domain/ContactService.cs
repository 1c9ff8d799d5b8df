using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>Users' contact lists: other users under the owner's own names for them. Bots hold none.</summary>
internal sealed class ContactService(
    IContactStore contacts, IEntityStore entities, EntityResolver resolver, EntityPresenter presenter, UnitOfWorkRunner units)
{
    public async ValueTask<IReadOnlyList<Contact>> ListAsync(Caller caller, PageQuery page, CancellationToken ct)
    {
        RequireUser(caller);
        var list = await contacts.ListAsync(caller.Id, page.Skip, page.Take, ct);
        if (list.Count == 0) return [];
        var summaries = await presenter.SummariesAsync(list.Select(c => c.UserId).ToList(), ct);
        return list.Select(c => ToContract(c, summaries[c.UserId])).ToList();
    }

    public async ValueTask<Contact> AddAsync(Caller caller, AddContactRequest request, CancellationToken ct)
    {
        RequireUser(caller);
        // "@alice" is accepted as well as "alice": it is how aliases are written everywhere else.
        var username = request.Username?.StartsWith('@') == true ? request.Username[1..] : request.Username;
        new FieldErrors()
            .RequireAlias(username, "username")
            .Require(request.Name is null || !string.IsNullOrWhiteSpace(request.Name), "name", "name may not be blank.")
            .OptionalText(request.Name, "name", ProfileRules.MaxNameLength)
            .OptionalText(request.Surname, "surname", ProfileRules.MaxNameLength)
            .ThrowIfAny();

        var user = await entities.FindByAliasAsync(username!, ct);
        if (user is not { Type: EntityType.User }) throw DomainException.NotFound($"User '@{username}'");
        if (user.Id == caller.Id) throw DomainException.Invalid("username", "You cannot add yourself as a contact.");

        var contact = new ContactRecord
        {
            OwnerId = caller.Id,
            UserId = user.Id,
            Name = request.Name?.Trim() ?? user.Name ?? user.Alias,
            Surname = request.Surname is null ? user.Surname : NullIfBlank(request.Surname),
        };
        await units.RunAsync([caller.Id], async inner =>
        {
            if (!await contacts.TryAddAsync(contact, inner)) throw DomainException.Conflict($"'@{user.Alias}' is already a contact.");
        }, ct);
        return ToContract(contact, await presenter.SummaryAsync(user, ct));
    }

    public async ValueTask<Contact> GetAsync(Caller caller, string reference, CancellationToken ct)
    {
        var contact = await FindAsync(caller, reference, ct);
        return ToContract(contact, (await presenter.SummariesAsync([contact.UserId], ct))[contact.UserId]);
    }

    /// <summary>Changes the names given (a null field stays; an empty surname clears it).</summary>
    public async ValueTask<Contact> UpdateAsync(Caller caller, string reference, UpdateContactRequest request, CancellationToken ct)
    {
        var contact = await FindAsync(caller, reference, ct);
        new FieldErrors()
            .Require(request.Name is null || !string.IsNullOrWhiteSpace(request.Name), "name", "name may not be blank.")
            .OptionalText(request.Name, "name", ProfileRules.MaxNameLength)
            .OptionalText(request.Surname, "surname", ProfileRules.MaxNameLength)
            .ThrowIfAny();
        var updated = contact with
        {
            Name = request.Name?.Trim() ?? contact.Name,
            Surname = request.Surname is null ? contact.Surname : NullIfBlank(request.Surname),
        };
        await units.RunAsync([caller.Id], async inner =>
        {
            if (!await contacts.UpdateAsync(updated, inner)) throw DomainException.NotFound($"Contact '{reference}'");
        }, ct);
        return ToContract(updated, (await presenter.SummariesAsync([updated.UserId], ct))[updated.UserId]);
    }

    public async ValueTask DeleteAsync(Caller caller, string reference, CancellationToken ct)
    {
        var contact = await FindAsync(caller, reference, ct);
        await units.RunAsync([caller.Id], async inner =>
        {
            if (!await contacts.DeleteAsync(caller.Id, contact.UserId, inner)) throw DomainException.NotFound($"Contact '{reference}'");
        }, ct);
    }

    private async ValueTask<ContactRecord> FindAsync(Caller caller, string reference, CancellationToken ct)
    {
        RequireUser(caller);
        var user = await resolver.FindAsync(reference, "contact", ct);
        return (user is null ? null : await contacts.GetAsync(caller.Id, user.Id, ct))
            ?? throw DomainException.NotFound($"Contact '{reference}'");
    }

    private static void RequireUser(Caller caller)
    {
        if (caller.IsBot) throw DomainException.Forbidden("Bots hold no contacts.");
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Contact ToContract(ContactRecord contact, EntitySummary user) => new(contact.UserId, user, contact.Name, contact.Surname);
}
