using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Contact lists in the <c>contacts</c> collection.</summary>
internal sealed class LiteDbContactStore : IContactStore
{
    private const string Collection = "contacts";
    private readonly LiteDbStorage _storage;

    public LiteDbContactStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db =>
        {
            var contacts = Contacts(db);
            contacts.EnsureIndex(c => c.OwnerId);
            contacts.EnsureIndex(c => c.UserId);
        });
    }

    public ValueTask<bool> TryAddAsync(ContactRecord contact, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var contacts = Contacts(db);
            var document = ContactDocument.From(contact);
            if (contacts.FindById(document.Id) is not null) return false;
            contacts.Insert(document);
            return true;
        }));

    public ValueTask<ContactRecord?> GetAsync(long ownerId, long userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db => Contacts(db).FindById(ContactDocument.KeyOf(ownerId, userId))?.ToRecord()));

    // A contact list is one person's address book, small enough to order in memory after the
    // index lookup; LiteDB's own ordering would compare names case-sensitively.
    public ValueTask<IReadOnlyList<ContactRecord>> ListAsync(long ownerId, int offset, int count, CancellationToken cancellationToken)
    {
        var all = _storage.Read(db => Contacts(db).Find(c => c.OwnerId == ownerId).ToList());
        return ValueTask.FromResult<IReadOnlyList<ContactRecord>>(all
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Surname ?? "", StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.UserId)
            .Skip(offset).Take(count)
            .Select(c => c.ToRecord()).ToList());
    }

    public ValueTask<bool> UpdateAsync(ContactRecord contact, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var contacts = Contacts(db);
            var document = contacts.FindById(ContactDocument.KeyOf(contact.OwnerId, contact.UserId));
            if (document is null) return false;
            document.Name = contact.Name;
            document.Surname = contact.Surname;
            return contacts.Update(document);
        }));

    public ValueTask<bool> DeleteAsync(long ownerId, long userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db => Contacts(db).Delete(ContactDocument.KeyOf(ownerId, userId))));

    public ValueTask DeleteUserAsync(long userId, CancellationToken cancellationToken)
    {
        _storage.Write(db => Contacts(db).DeleteMany(c => c.OwnerId == userId || c.UserId == userId));
        return ValueTask.CompletedTask;
    }

    private static ILiteCollection<ContactDocument> Contacts(LiteDatabase db) => db.GetCollection<ContactDocument>(Collection);
}
